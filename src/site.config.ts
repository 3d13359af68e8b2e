/**
 * The one site-settings module. Every page, component, plugin and script reads
 * the site's settings from here; defaults and environment overrides are
 * resolved once, in this file.
 *
 * Environment (all optional; nothing else in the project reads it):
 * - SITE_URL             absolute origin the site is served from (canonical URLs, feeds)
 * - BASE_PATH            path prefix for a project site, e.g. "/blog/" (default "/")
 * - BLOG_CONTENT_DIR     folder of posts to build instead of content/posts
 * - SOURCE_DATE_EPOCH    "now" for publishing future-dated posts (default: the machine's clock)
 * - BLOG_FAST_MDX        "0" sends every .mdx post through @astrojs/mdx instead of the fast MDX renderer
 * - BLOG_WORKER_HEAP_MB  heap cap of each render worker (default 512)
 */
import { buildNow } from './lib/clock.ts';

/** The closed set of categories a post may belong to, in display order. */
export const CATEGORIES = ['机器学习', '深度学习', '计算机视觉', '自然语言处理', '强化学习', 'Python'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface SiteSettings {
  /** Site title, shown in the header and in <title>. */
  title: string;
  /** One-line description for meta tags and feeds. */
  description: string;
  /** Author shown in metadata and feeds. */
  author: string;
  /** BCP 47 language of the whole site; Pagefind segments Chinese only when this is zh-*. */
  lang: string;
  /** Absolute origin, without a trailing slash. */
  url: string;
  /** Base path, always with leading and trailing slash ("/" or "/blog/"). */
  base: string;
  /** Posts per feed page. */
  pageSize: number;
  /** Posts in each RSS feed. */
  feedSize: number;
  /** Characters in a card's excerpt before "...". */
  excerptLength: number;
  /** IANA time zone in which post dates are read and printed. */
  timeZone: string;
  /** Folder of posts, relative to the project root or absolute. */
  contentDir: string;
  categories: readonly Category[];
  /**
   * KaTeX macros for every formula of every post (name with its backslash →
   * expansion, `#1` for an argument). A command KaTeX does not know fails the
   * build; define it here. The defaults are commands ML notes written for
   * MathJax often use and KaTeX lacks (docs/writing.md lists the rest).
   */
  katexMacros: Readonly<Record<string, string>>;
  /**
   * `npm run import`: a source post's category (or tag) → this blog's category,
   * matched case-insensitively, for posts whose categories are not one of ours.
   * A post none of whose categories matches gets `importFallbackCategory`, and
   * the import report says so.
   */
  importCategories: Readonly<Record<string, Category>>;
  importFallbackCategory: Category;
}

/** Normalises a base path to "/" or "/a/b/". */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Normalises an origin: must be http(s); no trailing slash. */
export function normalizeSiteUrl(raw: string | undefined, fallback: string): string {
  const value = (raw ?? '').trim() || fallback;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must be an http(s) URL, got "${value}"`);
  }
  return url.origin;
}

/** The posts folder when BLOG_CONTENT_DIR is not set. */
export const DEFAULT_CONTENT_DIR = 'content/posts';

/** Heap cap of a render worker, MB: BLOG_WORKER_HEAP_MB, else 512 (tests use a small one). */
export function workerHeapMb(env: Record<string, string | undefined>): number {
  const value = Number(env['BLOG_WORKER_HEAP_MB'] ?? 512);
  if (!Number.isInteger(value) || value < 16) {
    throw new Error(`BLOG_WORKER_HEAP_MB must be a whole number of MB ≥ 16, not "${env['BLOG_WORKER_HEAP_MB']}"`);
  }
  return value;
}

/** How the build runs, as opposed to what it builds (the posts loader and its workers read these). */
export interface BuildSettings {
  /** "Now" for deciding which posts are due; nothing built prints it. */
  now: Date;
  /** Whether .mdx posts that need no module system take the fast MDX renderer. */
  fastMdx: boolean;
  /** Heap cap of each render worker, MB. */
  workerHeapMb: number;
}

const env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env;

export const build: BuildSettings = {
  now: buildNow(env),
  fastMdx: env['BLOG_FAST_MDX'] !== '0',
  workerHeapMb: workerHeapMb(env),
};

export const site: SiteSettings = {
  title: '机器学习札记',
  description: '机器学习、深度学习与计算机视觉的原理推导和工程实践笔记。',
  author: '机器学习札记',
  lang: 'zh-CN',
  url: normalizeSiteUrl(env['SITE_URL'], 'https://ml-notes.github.io'),
  base: normalizeBase(env['BASE_PATH']),
  pageSize: 10,
  feedSize: 20,
  excerptLength: 150,
  timeZone: 'Asia/Shanghai',
  contentDir: env['BLOG_CONTENT_DIR']?.trim() || DEFAULT_CONTENT_DIR,
  categories: CATEGORIES,
  katexMacros: {
    '\\E': '\\mathbb{E}',
    '\\Var': '\\operatorname{Var}',
    '\\Cov': '\\operatorname{Cov}',
    '\\tr': '\\operatorname{tr}',
    '\\diag': '\\operatorname{diag}',
    '\\sign': '\\operatorname{sign}',
    '\\softmax': '\\operatorname{softmax}',
    '\\mathbbm': '\\mathbb{#1}',
    '\\mathds': '\\mathbb{#1}',
  },
  importCategories: {
    'machine learning': '机器学习',
    ml: '机器学习',
    统计学习: '机器学习',
    数据挖掘: '机器学习',
    'deep learning': '深度学习',
    dl: '深度学习',
    pytorch: '深度学习',
    tensorflow: '深度学习',
    神经网络: '深度学习',
    'computer vision': '计算机视觉',
    cv: '计算机视觉',
    目标检测: '计算机视觉',
    图像处理: '计算机视觉',
    nlp: '自然语言处理',
    'natural language processing': '自然语言处理',
    'reinforcement learning': '强化学习',
    rl: '强化学习',
    python: 'Python',
    编程: 'Python',
  },
  importFallbackCategory: '机器学习',
};
