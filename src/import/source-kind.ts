/**
 * Which tool a folder of posts was written for, and which of its files are
 * posts. Detection looks for each tool's own marker files; a folder of
 * Markdown files with none of them is "plain".
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const SOURCE_KINDS = ['hexo', 'hugo', 'jekyll', 'docsify', 'vuepress', 'obsidian', 'plain'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const has = (root: string, path: string) => existsSync(join(root, path));

function configMentions(root: string, file: string, word: RegExp): boolean {
  return has(root, file) && word.test(readFileSync(join(root, file), 'utf8'));
}

/** The kind of the folder, and why (the marker that decided it). */
export function detectSourceKind(root: string): { kind: SourceKind; because: string } {
  if (has(root, '.obsidian')) return { kind: 'obsidian', because: '.obsidian/ folder' };
  if (has(root, '.vuepress') || has(root, 'docs/.vuepress')) return { kind: 'vuepress', because: '.vuepress/ folder' };
  for (const file of ['index.html', 'docs/index.html']) {
    if (configMentions(root, file, /docsify/i)) return { kind: 'docsify', because: `${file} loads docsify` };
  }
  if (has(root, '_sidebar.md') || has(root, 'docs/_sidebar.md')) return { kind: 'docsify', because: '_sidebar.md' };
  if (has(root, 'source/_posts') || has(root, 'scaffolds') || configMentions(root, 'package.json', /"hexo"/)) {
    return { kind: 'hexo', because: 'source/_posts/ or scaffolds/' };
  }
  for (const file of ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml']) {
    if (has(root, file) && (file !== 'config.toml' || has(root, 'content') || has(root, 'archetypes'))) {
      return { kind: 'hugo', because: file };
    }
  }
  if (has(root, 'archetypes') && has(root, 'content')) return { kind: 'hugo', because: 'archetypes/ and content/' };
  if (has(root, '_posts') || has(root, '_config.yml')) return { kind: 'jekyll', because: '_posts/ or _config.yml' };
  return { kind: 'plain', because: 'no marker of another tool' };
}

/** Where each kind keeps its posts, relative to the folder given (the first that exists). */
const POST_FOLDERS: Record<SourceKind, string[]> = {
  hexo: ['source/_posts', '_posts', '.'],
  hugo: ['content/posts', 'content/post', 'content/blog', 'content', '.'],
  jekyll: ['_posts', '.'],
  docsify: ['docs', '.'],
  vuepress: ['docs', '.'],
  obsidian: ['.'],
  plain: ['.'],
};

/** Files that are a tool's navigation or home page, not posts. */
const NOT_POSTS = /^(?:_sidebar|_navbar|_coverpage|_index|readme|index|summary|404)\.(?:md|markdown)$/i;
const MARKDOWN = /\.(?:md|markdown|mdx)$/i;

export interface SourcePost {
  /** Absolute path. */
  file: string;
  /** Path relative to the folder given, for messages. */
  display: string;
}

/** The folder the posts are in, and every post file under it (sorted). */
export function findSourcePosts(root: string, kind: SourceKind): { postsDir: string; posts: SourcePost[] } {
  const folder = POST_FOLDERS[kind].find((candidate) => has(root, candidate)) ?? '.';
  const postsDir = join(root, folder);
  const posts = readdirSync(postsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && MARKDOWN.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => {
      const parts = relative(postsDir, file).split(sep);
      // Tool folders (.obsidian, .vuepress), templates and drafts folders of other tools, node_modules.
      if (parts.some((part) => part.startsWith('.') || part === 'node_modules' || part === 'templates')) return false;
      // A Hugo page bundle's index.md is a post; a section's _index.md and a book's README are not.
      const name = parts.at(-1)!;
      return name.toLowerCase() === 'index.md' ? parts.length > 1 && kind === 'hugo' : !NOT_POSTS.test(name);
    })
    .sort()
    .map((file) => ({ file, display: relative(root, file).split(sep).join('/') }));
  return { postsDir, posts };
}
