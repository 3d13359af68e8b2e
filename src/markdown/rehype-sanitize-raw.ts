/**
 * rehype plugin: makes the raw HTML an author writes in a .md post safe, and
 * leaves everything else alone.
 *
 * In a .md post, HTML written by the author reaches rehype as `raw` nodes
 * (remark-rehype runs with allowDangerousHtml); Astro parses them only at the
 * very end (its own rehype-raw). This plugin runs first among our rehype
 * plugins, after remark-rehype and Shiki but before KaTeX, heading anchors and
 * code-block bars add their markup:
 *
 * 1. every element already in the tree (Markdown's own output, Shiki's code,
 *    directives such as callouts) is marked with an attribute whose name holds
 *    a per-run random nonce, which an author cannot guess or write;
 * 2. the tree is parsed with hast-util-raw, so the author's tags become real
 *    elements, nested the way a browser would nest them (a `<details>` opened
 *    in one raw block and closed in another wraps the Markdown in between);
 * 3. every element without the mark came from the author's HTML (or was
 *    implied by the HTML parser) and is sanitized with hast-util-sanitize (the
 *    engine of rehype-sanitize) and AUTHOR_HTML_SCHEMA; marked elements keep
 *    all their attributes (Shiki's `style`, footnote ids, `data-*`) and only
 *    lose the mark. Markdown nested inside author HTML stays trusted: it is
 *    swapped out for placeholder text while the author's element is sanitized
 *    and put back afterwards. Comments are dropped.
 *
 * Centring the way notes from other tools do it (`<div align=center>`,
 * `<p align="center">`, `<center>`) keeps working without the obsolete `align`
 * attribute or `<center>` element (which html-validate refuses): they become
 * `<div class="align-center">` and the like, styled in prose.css. The class is
 * added after sanitizing, so authors still cannot set classes of their own.
 *
 * A tree without `raw` nodes (every .mdx post, whose HTML is JSX, and most .md
 * posts) is returned untouched.
 */
import { randomInt } from 'node:crypto';
import type { Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

/** Elements whose content is removed with them: active content, styles, forms, foreign markup. */
const STRIPPED = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'svg',
  'math',
  'link',
  'meta',
  'base',
];

/**
 * What author HTML may contain: GitHub's rules (hast-util-sanitize's default
 * schema: no scripts, no event handlers, no `style` or `class`, links only to
 * http(s)/mailto or relative URLs, ids prefixed with "user-content-" so they
 * cannot clobber the page's own ids) plus a few harmless text elements.
 */
export const AUTHOR_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    // The default schema allows <input> for task lists; Markdown makes those (trusted), authors need none.
    ...(defaultSchema.tagNames ?? []).filter((tag) => !STRIPPED.includes(tag)),
    'abbr',
    'bdi',
    'caption',
    'cite',
    'col',
    'colgroup',
    'dfn',
    'figcaption',
    'figure',
    'mark',
    'small',
    'u',
    'wbr',
  ],
  strip: STRIPPED,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** Tag names the schema requires as ancestors (a `td` must be inside a `table`). */
const CONTEXT_TAGS = new Set(Object.values(AUTHOR_HTML_SCHEMA.ancestors ?? {}).flat());

type Parent = Root | Element;

const ALIGNABLE = new Set([
  'div',
  'p',
  'center',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
]);
const ALIGNMENTS = new Set(['center', 'left', 'right']);

/** `<center>` → `<div align="center">`, before sanitizing (the schema does not know `<center>`). */
function centerToDiv(node: Element): void {
  if (node.tagName === 'center') {
    node.tagName = 'div';
    node.properties['align'] = 'center';
  }
  for (const child of node.children) if (child.type === 'element') centerToDiv(child);
}

/** `align="center"` → `class="align-center"` on author elements, after sanitizing; elsewhere `align` is dropped. */
function alignToClass(parent: Parent): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const align = String(child.properties['align'] ?? '').toLowerCase();
    delete child.properties['align'];
    if (ALIGNABLE.has(child.tagName) && ALIGNMENTS.has(align)) child.properties['className'] = [`align-${align}`];
    alignToClass(child);
  }
}

function hasRaw(node: Parent): boolean {
  return node.children.some((child) => child.type === 'raw' || (child.type === 'element' && hasRaw(child)));
}

/** Sixteen random lowercase letters: a camelCase-safe, unguessable attribute name part. */
function nonce(): string {
  return Array.from({ length: 16 }, () => String.fromCharCode(97 + randomInt(26))).join('');
}

export function rehypeSanitizeRawHtml() {
  return (tree: Root): Root => {
    if (!hasRaw(tree)) return tree;
    const secret = nonce();
    // hast-util-raw turns the property into the attribute `data-md<secret>` and back.
    const mark = `dataMd${secret}`;
    const placeholder = new RegExp(`\uE000${secret}(\\d+)\uE000`, 'g');

    const markAll = (node: Parent) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        child.properties[mark] = '1';
        markAll(child);
      }
    };
    markAll(tree);
    const parsed = raw(tree) as Root;

    const isTrusted = (node: Element) => Object.hasOwn(node.properties, mark);

    /** Sanitizes an author element; trusted elements inside it are kept as they are. */
    const sanitizeAuthored = (node: Element, context: string[]): ElementContent[] => {
      const kept: Element[] = [];
      const swapOut = (parent: Element) => {
        parent.children = parent.children.map((child) => {
          if (child.type !== 'element') return child;
          if (isTrusted(child)) {
            kept.push(child);
            return { type: 'text', value: `\uE000${secret}${kept.length - 1}\uE000` } satisfies Text;
          }
          swapOut(child);
          return child;
        });
      };
      swapOut(node);
      centerToDiv(node);
      // Wrap in the ancestors the schema checks for, so a `tr` in a Markdown table passes.
      let wrapped: Element = node;
      for (const tag of [...context].reverse())
        wrapped = { type: 'element', tagName: tag, properties: {}, children: [wrapped] };
      let safe = sanitize({ type: 'root', children: [wrapped] }, AUTHOR_HTML_SCHEMA) as Root;
      for (let depth = 0; depth < context.length; depth++) {
        const wrapper = safe.children[0];
        safe = { type: 'root', children: wrapper?.type === 'element' ? wrapper.children : [] };
      }
      const restore = (parent: Parent, inside: string[]) => {
        parent.children = parent.children.flatMap((child): RootContent[] => {
          if (child.type === 'element') {
            restore(child, CONTEXT_TAGS.has(child.tagName) ? [...inside, child.tagName] : inside);
            return [child];
          }
          if (child.type !== 'text' || !child.value.includes('\uE000')) return [child];
          // split() with one capture group alternates text and placeholder numbers.
          return child.value.split(placeholder).flatMap((part, index): RootContent[] => {
            if (index % 2 === 0) return part === '' ? [] : [{ type: 'text', value: part }];
            const trusted = kept[Number(part)]!;
            // A trusted element put back may itself hold author HTML.
            visitTrusted(trusted, inside);
            return [trusted];
          });
        });
      };
      alignToClass(safe);
      restore(safe, context);
      return safe.children as ElementContent[];
    };

    /** Walks the children of a trusted node: trusted elements lose their mark, author elements are sanitized. */
    const visitTrusted = (node: Parent, context: string[]): void => {
      if (node.type === 'element' && isTrusted(node)) {
        delete (node.properties as Properties)[mark];
        if (CONTEXT_TAGS.has(node.tagName)) context = [...context, node.tagName];
      }
      node.children = node.children.flatMap((child): RootContent[] => {
        if (child.type === 'comment' || child.type === 'doctype') return [];
        if (child.type !== 'element') return [child];
        if (isTrusted(child)) {
          visitTrusted(child, context);
          return [child];
        }
        return sanitizeAuthored(child, context);
      }) as ElementContent[];
    };
    visitTrusted(parsed, []);
    return parsed;
  };
}
