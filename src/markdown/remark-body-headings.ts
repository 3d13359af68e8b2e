/**
 * remark plugin: the page's only <h1> is the post's title (PostHeader). Notes
 * written for Typora, Obsidian, docsify or Hugo usually open with `# 标题`, and
 * some use `#` for every section. So:
 * - a first block that is a level-1 heading with the same text as the title is
 *   dropped (it would repeat the title right under it);
 * - if level-1 headings remain, every heading of the post moves down one level
 *   (`#` → h2, `##` → h3, …; h6 stays h6), keeping the outline the author wrote.
 * A post that uses `##` and below, as this blog's own posts do, is left alone.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Whitespace-insensitive comparison: "PCA  原理" and "PCA 原理" are the same title. */
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

function titleOf(file: VFile): string | undefined {
  const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
  const title = astro?.frontmatter?.['title'];
  return typeof title === 'string' ? title : undefined;
}

export function remarkBodyHeadings() {
  return (tree: Root, file: VFile) => {
    const first = tree.children.find((node) => node.type !== 'yaml' && node.type !== 'mdxjsEsm');
    const title = titleOf(file);
    if (first?.type === 'heading' && first.depth === 1 && title !== undefined && sameText(toString(first), title)) {
      tree.children.splice(tree.children.indexOf(first), 1);
    }
    let hasTopLevel = false;
    visit(tree, 'heading', (heading: Heading) => {
      if (heading.depth === 1) hasTopLevel = true;
    });
    if (!hasTopLevel) return;
    visit(tree, 'heading', (heading: Heading) => {
      heading.depth = Math.min(6, heading.depth + 1) as Heading['depth'];
    });
  };
}
