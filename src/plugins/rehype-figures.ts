/**
 * rehype plugin: an image that stands alone in its paragraph and has a title,
 * `![alt](./pca.svg "caption")`, becomes a numbered figure:
 * <figure id="fig-1"><img alt=…><figcaption>图 1：caption</figcaption></figure>.
 * Numbers follow the order of figures in the post.
 */
import type { Element, ElementContent, Root } from 'hast';

function isBlank(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/** The image if `node` is a paragraph holding one titled image and nothing else. */
function loneTitledImage(node: ElementContent): Element | undefined {
  if (node.type !== 'element' || node.tagName !== 'p') return undefined;
  const content = node.children.filter((child) => !isBlank(child));
  const [only] = content;
  if (content.length !== 1 || only?.type !== 'element' || only.tagName !== 'img') return undefined;
  const title = only.properties['title'];
  return typeof title === 'string' && title.trim() !== '' ? only : undefined;
}

export function rehypeFigures() {
  return (tree: Root) => {
    let count = 0;
    const visit = (parent: Root | Element) => {
      parent.children.forEach((child, index) => {
        if (child.type !== 'element') return;
        const image = loneTitledImage(child);
        if (!image) {
          visit(child);
          return;
        }
        count += 1;
        const caption = String(image.properties['title']).trim();
        delete image.properties['title'];
        parent.children[index] = {
          type: 'element',
          tagName: 'figure',
          properties: { id: `fig-${count}` },
          children: [
            image,
            {
              type: 'element',
              tagName: 'figcaption',
              properties: {},
              children: [
                { type: 'element', tagName: 'span', properties: { className: ['figure-number'] }, children: [{ type: 'text', value: `图 ${count}` }] },
                { type: 'text', value: `：${caption}` },
              ],
            },
          ],
        };
      });
    };
    visit(tree);
  };
}
