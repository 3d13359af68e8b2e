/**
 * The per-post work of a build, done once per post and in parallel (see
 * render-worker.ts): source checks, unknown code languages, the card excerpt and
 * reading stats, and for .md the rendered HTML with its formula check. It is a
 * plain function of its input so it runs the same in a worker or in the main thread.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { excerptFromSegments, excerptFromText } from '../lib/excerpt.ts';
import { findKatexErrors, lineOf } from '../lib/katex-errors.ts';
import { treeToSegments, type MdNode } from '../lib/markdown-text.ts';
import { readingStatsOf, type ReadingStats } from '../lib/reading-stats.ts';
import { isKnownCodeLanguage } from '../markdown/code-languages.ts';
import type { MdRenderer, RenderOutput } from './renderers/md-renderer.ts';
import { NotFastMdx } from './renderers/mdx-fast-path.ts';
import type { FastMdxRenderer } from './renderers/fast-mdx.ts';
import { ContentError } from './content-error.ts';
import { checkSource, parseSource } from './source-checks.ts';

export interface PostTask {
  /** Absolute path (for relative images and the renderer's file URL). */
  path: string;
  /** Path shown in messages. */
  display: string;
  format: 'md' | 'mdx';
  /** The whole source (to find a formula's line). */
  text: string;
  body: string;
  bodyLine: number;
  /** Validated front matter (passed to the renderer as Astro does). */
  data: Record<string, unknown>;
  description: string | undefined;
  excerptLength: number;
  /** Where the HTML goes when it has no images (the loader keeps it out of Astro's data store). */
  htmlFile: string;
  /** Render only to fill the worker's caches, and write nothing (the dev server's warm-up of an open post). */
  discard?: boolean;
  /** Also return the body's top-level blocks (the dev server's live updates). */
  blocks?: boolean;
}

export interface Problem {
  message: string;
  line?: number | undefined;
}

export interface PostResult {
  problems: Problem[];
  warnings: string[];
  excerpt: string;
  stats: ReadingStats;
  /**
   * .md posts, and .mdx posts the fast MDX renderer took; absent: Astro renders the post.
   * Without images the HTML is in htmlFile (written here, so it never crosses back to
   * the main thread) and `html` is empty.
   */
  rendered?: { html: string; htmlFile?: string; metadata: RenderOutput['metadata'] & { imagePaths: string[] } };
  /** The body's top-level blocks as HTML, when the task asked for them and the renderer gives them. */
  blocks?: string[];
}

/**
 * The renderers of a worker. The .mdx one always parses (so checks and counts never depend on
 * it) but renders only when build.fastMdx is on.
 */
export interface Renderers {
  md: MdRenderer;
  mdx: FastMdxRenderer;
  fastMdx: boolean;
}

/** A warning per code block whose language Shiki does not know (the block is shown as plain text). */
function unknownLanguageWarnings(tree: MdNode, bodyLine: number, display: string): string[] {
  const warnings: string[] = [];
  visit(tree as never, 'code', (node: { lang?: string | null; position?: { start: { line: number } } }) => {
    const lang = (node.lang ?? '').toLowerCase();
    if (isKnownCodeLanguage(lang)) return;
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    warnings.push(`${display}:${line}: unknown code language "${lang}"; the block is shown as plain text`);
  });
  return warnings;
}

export async function doPostWork(task: PostTask, renderers: Renderers): Promise<PostResult> {
  const empty = { excerpt: '', stats: { hanCharacters: 0, latinWords: 0, minutes: 0 }, warnings: [] };
  const fileURL = pathToFileURL(task.path);
  // The renderer's own parse, read before it is transformed; an MDX syntax error is
  // reported by parseSource (which names the line in the file).
  let parsed: { tree: MdNode; file: VFile } | undefined;
  try {
    parsed = (task.format === 'md' ? renderers.md : renderers.mdx).parse(task.body, fileURL);
  } catch {
    parsed = undefined;
  }
  const tree: MdNode | Error = parsed ? parsed.tree : parseSource(task.body, task.format, task.display, task.bodyLine);
  if (tree instanceof ContentError) return { ...empty, problems: [{ message: tree.detail, line: tree.line }] };
  if (tree instanceof Error) return { ...empty, problems: [{ message: tree.message }] };
  const checked = checkSource(tree, task.path, task.display, task.bodyLine);
  const problems: Problem[] = checked.problems.map((p) => ({ message: p.detail, line: p.line }));
  const warnings = [...unknownLanguageWarnings(tree, task.bodyLine, task.display), ...checked.warnings];
  const segments = treeToSegments(tree);
  const excerpt = task.description
    ? excerptFromText(task.description, task.excerptLength)
    : excerptFromSegments(segments, task.excerptLength);
  const stats = readingStatsOf(segments);
  const summary = { warnings, excerpt, stats };
  if (problems.length > 0) return { problems, ...summary };
  // .mdx that needs Astro's compiler (or every .mdx with BLOG_FAST_MDX=0): Astro renders it.
  if (task.format === 'mdx' && (!renderers.fastMdx || renderers.mdx.blocker(tree) !== undefined)) {
    return { problems, ...summary };
  }

  let result: RenderOutput;
  try {
    result = await (task.format === 'mdx' ? renderers.mdx : renderers.md).render(parsed!, task.data);
  } catch (error) {
    if (error instanceof NotFastMdx) return { problems, ...summary };
    // A plugin's file.fail() carries the line within the body.
    const place = (error as { line?: number }).line;
    const line = place === undefined ? undefined : place + task.bodyLine - 1;
    return { problems: [{ message: (error as Error).message, line }], ...summary };
  }
  // The one formula check of a rendered post (a post with a problem is never stored, so
  // a cached entry has passed it; .mdx left to Astro is checked in the built HTML).
  const formulaProblems = findKatexErrors(result.code).map(({ tex, message }) => ({
    message: `invalid LaTeX in formula "${tex}": ${message}`,
    line: lineOf(task.text, tex),
  }));
  if (formulaProblems.length > 0) return { problems: formulaProblems, ...summary };
  const metadata = {
    ...result.metadata,
    imagePaths: [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths],
  };
  const blocks = task.blocks && result.blocks ? { blocks: result.blocks } : {};
  if (task.discard) return { problems: [], ...summary, ...blocks };
  if (metadata.imagePaths.length > 0) {
    return { problems: [], ...summary, ...blocks, rendered: { html: result.code, metadata } };
  }
  await mkdir(dirname(task.htmlFile), { recursive: true });
  await writeFile(task.htmlFile, result.code);
  return { problems: [], ...summary, ...blocks, rendered: { html: '', htmlFile: task.htmlFile, metadata } };
}
