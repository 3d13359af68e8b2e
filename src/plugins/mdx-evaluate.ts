/**
 * MDX's JavaScript, run without a bundler, for the fast MDX renderer
 * (fast-mdx.ts). Most MDX posts use little of it: `export const` values,
 * `{expressions}` in text and props, HTML elements and the site's writing
 * components. For such a post, this evaluates the exports and expressions once
 * and replaces the MDX nodes of the finished hast tree by plain hast, which is
 * what Astro would print after compiling the post to a module.
 *
 * What needs Astro's module system is left to Astro: imports, default exports,
 * `frontmatter`/`props`, JSX inside expressions, spread props, components other
 * than Callout, Derivation and PaperCard. fastMdxBlocker() names the first such
 * thing; rehypeEvaluateMdx throws NotFastMdx if a value turns out to be one
 * Astro prints in its own way (an object, a function, `true`).
 *
 * The code runs in the build, as Astro would run it; MdxCodePolicy
 * (source-checks.ts) has refused what may not run before this is reached.
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { MdNode } from '../lib/markdown-text.ts';
import { hastComponents, type Props } from './mdx-components-hast.ts';

/** A post the fast renderer cannot print as Astro would: render it through Astro. */
export class NotFastMdx extends Error {}

interface EsNode {
  type: string;
  start?: number;
  end?: number;
  name?: string;
  declaration?: EsNode | null;
  source?: unknown;
  body?: EsNode[];
  [key: string]: unknown;
}

interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: EsNode } };
}

type MdxNode = MdNode & { name?: string | null; attributes?: MdxAttribute[]; data?: { estree?: EsNode } };

const HTML_NAME = /^[a-z][a-z0-9-]*$/;
/** Names whose meaning comes from Astro's compiled module, not from the post. */
const MODULE_NAMES = new Set(['frontmatter', 'props', 'components', 'MDXLayout', 'Content']);

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
    if (node.type === 'Identifier' && MODULE_NAMES.has(node.name ?? '')) reason = `uses "${node.name}"`;
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
        if (id?.type === 'Identifier') names.push(id.name ?? '');
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

/** A value as Astro prints it among children: text, or nothing. */
function valueToHast(value: unknown): ElementContent[] {
  if (typeof value === 'string') return value === '' ? [] : [{ type: 'text', value }];
  if (typeof value === 'number' || typeof value === 'bigint') return !value && value !== 0 ? [] : [{ type: 'text', value: String(value) }];
  if (value === null || value === undefined || value === false) return [];
  if (Array.isArray(value)) return value.flatMap(valueToHast);
  throw new NotFastMdx(`an expression gives a ${typeof value}`);
}

type Thunk = () => Promise<unknown>;
const AsyncFunction = (async () => {}).constructor as new (body: string) => () => Promise<Thunk[]>;

/** Evaluates the post's exports once; returns a thunk per expression source, in the order given. */
async function evaluate(esm: EsNode[], expressions: string[], source: string): Promise<Thunk[]> {
  const declarations = esm.map((node) => source.slice(node.start, node.end));
  const body = `"use strict";\n${declarations.join('\n')}\nreturn [${expressions.map((code) => `async () => (\n${code}\n)`).join(',\n')}];`;
  return new AsyncFunction(body)();
}

export function rehypeEvaluateMdx() {
  return async (tree: Root, file: VFile) => {
    const esm: EsNode[] = [];
    const sources: string[] = [];
    const thunkOf = new Map<object, number>();
    const collect = (node: MdxNode) => {
      if (node.type === 'mdxjsEsm') for (const statement of node.data?.estree?.body ?? []) esm.push(statement.declaration!);
      if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && (node.data?.estree?.body?.length ?? 0) > 0) {
        thunkOf.set(node, sources.push(node.value ?? '') - 1);
      }
      for (const attribute of node.attributes ?? []) {
        if (typeof attribute.value === 'object' && attribute.value !== null) thunkOf.set(attribute.value, sources.push(attribute.value.value) - 1);
      }
      node.children?.forEach((child) => collect(child as MdxNode));
    };
    collect(tree as unknown as MdxNode);
    const thunks = await evaluate(esm, sources, String(file.value));
    const run = (key: object) => thunks[thunkOf.get(key)!]!();

    const replace = async (node: MdxNode): Promise<ElementContent[]> => {
      const children = node.children ? (await Promise.all(node.children.map((child) => replace(child as MdxNode)))).flat() : [];
      switch (node.type) {
        case 'mdxjsEsm':
          return [];
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          return thunkOf.has(node) ? valueToHast(await run(node)) : [];
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          if (!node.name) return children;
          const props: Props = {};
          for (const attribute of node.attributes ?? []) {
            const value = attribute.value;
            props[attribute.name!] = value === null || value === undefined ? true : typeof value === 'string' ? value : await run(value);
          }
          const component = hastComponents[node.name];
          if (component) return [component(props, children)];
          return [h(node.name, htmlProperties(props), children)];
        }
        default:
          if (node.children) (node as { children: unknown[] }).children = children;
          return [node as unknown as ElementContent];
      }
    };
    const top = await Promise.all(tree.children.map((child) => replace(child as unknown as MdxNode)));
    tree.children = top.flat() as RootContent[];
  };
}

/** HTML attributes as Astro prints them: false/null/undefined left out, true as a bare attribute. */
function htmlProperties(props: Props): Record<string, string | number | boolean> {
  const properties: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && value !== true) throw new NotFastMdx(`the prop "${name}" is a ${typeof value}`);
    properties[name] = value;
  }
  return properties;
}
