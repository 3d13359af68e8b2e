/**
 * MDX's JavaScript, run without a bundler, for the fast MDX renderer
 * (fast-mdx.ts), on posts that mdx-fast-path.ts lets through. The exports and
 * expressions are evaluated once and the MDX nodes of the finished hast tree
 * replaced by plain hast, which is what Astro would print after compiling the
 * post to a module. A value Astro prints in its own way (an object, a
 * function, `true`) throws NotFastMdx, and the post goes to Astro after all.
 *
 * The code runs in the build, as Astro would run it; MdxCodePolicy
 * (source-checks.ts) has refused what may not run before this is reached.
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { hastComponents, type Props } from './mdx-components-hast.ts';
import type { EsNode, MdxNode } from '../mdx-nodes.ts';
import { NotFastMdx } from './mdx-fast-path.ts';

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
