/**
 * Which MDX posts the fast MDX renderer (fast-mdx.ts) may take: those whose
 * JavaScript mdx-evaluate.ts can run without a bundler and print as Astro
 * would — `export const` values, `{expressions}` in text and props, HTML
 * elements and the site's writing components. What needs Astro's module
 * system is left to Astro: imports, default exports, `frontmatter`/`props`,
 * JSX inside expressions, spread props, components other than Callout,
 * Derivation and PaperCard, images (Astro optimises them).
 */
import type { MdNode } from '../../lib/markdown-text.ts';
import type { EsNode, MdxNode } from '../mdx-nodes.ts';
import { hastComponents } from './mdx-components-hast.ts';

/** A post the fast renderer cannot print as Astro would: render it through Astro. */
export class NotFastMdx extends Error {}

const HTML_NAME = /^[a-z][a-z0-9-]*$/;
/** Names whose meaning comes from Astro's compiled module, not from the post. */
const MODULE_NAMES = new Set(['frontmatter', 'props', 'components', 'MDXLayout', 'Content']);

/** The name of an Identifier node. */
const identifierName = (node: EsNode) => (typeof node['name'] === 'string' ? node['name'] : '');

/** Calls visit on every object with a `type` in an estree. */
function walkEstree(node: unknown, visit: (node: EsNode) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walkEstree(child, visit));
  if (node === null || typeof node !== 'object') return;
  if (typeof (node as EsNode).type === 'string') visit(node as EsNode);
  for (const [key, value] of Object.entries(node)) if (key !== 'loc' && key !== 'range') walkEstree(value, visit);
}

function estreeBlocker(program: EsNode | undefined): string | undefined {
  let reason: string | undefined;
  walkEstree(program, (node) => {
    if (reason) return;
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') reason = 'JSX inside an expression';
    if (node.type === 'Identifier' && MODULE_NAMES.has(identifierName(node))) reason = `uses "${identifierName(node)}"`;
  });
  return reason;
}

function esmBlocker(program: EsNode | undefined): string | undefined {
  for (const statement of program?.body ?? []) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source || !statement.declaration) return `${statement.type} in the ESM`;
    const names: string[] = [];
    walkEstree(statement.declaration, (node) => {
      if (node.type === 'VariableDeclarator' || node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') {
        const id = node['id'] as EsNode | undefined;
        if (id?.type === 'Identifier') names.push(identifierName(id));
      }
    });
    const shadowed = names.find((name) => name in hastComponents || MODULE_NAMES.has(name));
    if (shadowed) return `exports "${shadowed}"`;
  }
  return estreeBlocker(program);
}

/** Why a parsed MDX post needs Astro's compiler, or undefined when the fast renderer prints it as Astro would. */
export function fastMdxBlocker(tree: MdNode): string | undefined {
  const node = tree as MdxNode;
  switch (node.type) {
    case 'image':
    case 'imageReference':
    case 'definition':
      return 'an image (Astro optimises it)';
    case 'mdxjsEsm':
      return esmBlocker(node.data?.estree);
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return estreeBlocker(node.data?.estree);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name;
      if (name && !HTML_NAME.test(name) && !(name in hastComponents)) return `the component <${name}>`;
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute') return 'a spread prop';
        if (name && HTML_NAME.test(name) && !HTML_NAME.test(attribute.name ?? '')) return `the prop "${attribute.name}" on <${name}>`;
        if (typeof attribute.value === 'object' && attribute.value !== null) {
          const reason = estreeBlocker(attribute.value.data?.estree);
          if (reason) return reason;
        }
      }
      break;
    }
  }
  for (const child of node.children ?? []) {
    const reason = fastMdxBlocker(child);
    if (reason) return reason;
  }
  return undefined;
}
