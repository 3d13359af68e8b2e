/**
 * The Markdown pipeline, defined once for .md and .mdx posts: remark-math for
 * `$…$`/`$$…$$` (and the display-math forms of docsify, Typora, MathJax sites:
 * remark-math-dialects.ts), writing blocks (callouts, derivations, paper cards) as
 * directives, numbered figures and equations with cross-references, paired
 * quotes for Chinese prose, hard-wrapped Chinese lines joined, KaTeX at build time, heading ids and anchors,
 * framed code blocks, keyboard-scrollable wide formulas and tables, Chinese
 * footnote labels, one <h1> per page (a body `# 标题` is dropped or demoted);
 * the author's raw HTML in .md
 * posts is sanitized first. Shiki (configured here too) runs between
 * remark-rehype and these rehype plugins.
 */
import {
  rehypeShiki,
  type AstroMarkdownOptions,
  type RehypePlugins,
  type RemarkPlugins,
  type RemarkRehype,
} from '@astrojs/markdown-remark';
import type { PluggableList } from 'unified';
import rehypeKatex from 'rehype-katex';
import remarkDirective from 'remark-directive';
import remarkMath from 'remark-math';
import { katexOptions } from './katex-options.ts';
import { remarkBodyHeadings } from './remark-body-headings.ts';
import { remarkCjkLineBreaks } from './remark-cjk-line-breaks.ts';
import { remarkCjkQuotes } from './remark-cjk-quotes.ts';
import { remarkMathDialects } from './remark-math-dialects.ts';
import { remarkCrossRefs } from './remark-cross-refs.ts';
import { remarkWritingBlocks } from './remark-writing-blocks.ts';
import { rehypeCodeBlocks } from './rehype-code-blocks.ts';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { rehypeMathPunctuation } from './rehype-math-punctuation.ts';
import { rehypeScrollRegions } from './rehype-scroll-regions.ts';
import { rehypeFigureText } from './rehype-figure-text.ts';
import { rehypeKatexCacheLookup, rehypeKatexCacheStore } from './rehype-katex-cache.ts';
import { rehypeShikiCacheLookup, rehypeShikiCacheStore } from './rehype-shiki-cache.ts';
import { rehypeRawImages } from './rehype-raw-images.ts';
import { rehypeSanitizeRawHtml } from './rehype-sanitize-raw.ts';

export const remarkPlugins: RemarkPlugins = [
  remarkMath,
  remarkMathDialects,
  remarkDirective,
  remarkBodyHeadings,
  remarkWritingBlocks,
  remarkCrossRefs,
  remarkCjkQuotes,
  remarkCjkLineBreaks,
];

/** SmartyPants guesses quotes the English way; remarkCjkQuotes pairs them instead. */
export const smartypants = false;

/**
 * rehypeSanitizeRawHtml comes first: it sanitizes the author's raw HTML in .md
 * posts before KaTeX, heading anchors and code-block bars add markup of their
 * own (which it therefore never sees); .mdx trees have no raw HTML. The author's
 * `<img>` tags are then resolved like Markdown images (rehypeRawImages).
 */
export const rehypePlugins: RehypePlugins = [
  rehypeSanitizeRawHtml,
  rehypeRawImages,
  // rehype-katex renders; the cache around it serves formulas it rendered before.
  rehypeKatexCacheLookup,
  [rehypeKatex, katexOptions],
  rehypeKatexCacheStore,
  rehypeHeadingIds,
  rehypeCodeBlocks,
  rehypeScrollRegions,
  rehypeFigureText,
  rehypeMathPunctuation,
];

export const remarkRehypeOptions: RemarkRehype = {
  footnoteLabel: '脚注',
  footnoteLabelProperties: { className: ['footnotes-label'] },
  footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
    `返回正文第 ${referenceIndex + 1} 处引用${rereferenceIndex > 1 ? `（第 ${rereferenceIndex} 次）` : ''}`,
};

export const shikiConfig = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  defaultColor: false,
  wrap: false,
} as const;

/**
 * The Shiki step of the workers' processors, as Astro adds it to its own: from Astro's
 * resolved config (shikiConfig above plus Astro's defaults), none when highlighting is off;
 * with a cache around it, so that a block seen before is not highlighted again.
 */
export function shikiSteps(options: Pick<AstroMarkdownOptions, 'syntaxHighlight' | 'shikiConfig'>): PluggableList {
  const syntax = options.syntaxHighlight;
  const shiki = syntax === 'shiki' || (typeof syntax === 'object' && syntax.type === 'shiki');
  const excludeLangs = typeof syntax === 'object' ? syntax.excludeLangs : undefined;
  return shiki ? [rehypeShikiCacheLookup, [rehypeShiki, options.shikiConfig, excludeLangs], rehypeShikiCacheStore] : [];
}
