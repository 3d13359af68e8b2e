/**
 * Options for rehype-katex, shared by .md and .mdx posts.
 * - `trust: false`: \href, \url and friends cannot inject links or HTML.
 * - Chinese text typed directly in math mode renders (browsers have the glyphs),
 *   so KaTeX's per-character "unicodeTextInMathMode" warning is silenced; every
 *   other strictness warning stays.
 * - `macros` from the site settings. KaTeX adds a post's own \gdef definitions
 *   to the object it is given, so it gets a copy, not the settings themselves.
 */
import type { KatexOptions } from 'katex';
import { site } from '../site.config.ts';

export const katexOptions: KatexOptions = {
  output: 'htmlAndMathml',
  trust: false,
  throwOnError: false,
  strict: (code: string) => (code === 'unicodeTextInMathMode' ? 'ignore' : 'warn'),
  macros: { ...site.katexMacros },
};
