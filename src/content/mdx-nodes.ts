/**
 * The shapes of MDX's syntax tree that the checks and the fast MDX renderer read,
 * defined once: mdast-util-mdx's nodes and the estree (acorn) programs that
 * micromark-extension-mdxjs attaches to them.
 */
import type { MdNode } from '../lib/markdown-text.ts';

/** A node of an estree program. */
export interface EsNode {
  type: string;
  start?: number;
  end?: number;
  loc?: { start: { line: number } };
  declaration?: EsNode | null;
  source?: unknown;
  body?: EsNode[];
  [key: string]: unknown;
}

/** An MDX JSX attribute (`name="text"`, `name={expression}` or `{...spread}`). */
export interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: EsNode } };
  position?: { start: { line: number } };
  data?: { estree?: EsNode };
}

/** An mdast node with the fields MDX adds (JSX name and attributes, the estree of ESM and expressions). */
export type MdxNode = MdNode & { name?: string | null; attributes?: MdxAttribute[]; data?: { estree?: EsNode } };
