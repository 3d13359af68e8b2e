/**
 * Slugs: the URL segment of a post (`/posts/<slug>/`).
 *
 * Rule: Unicode NFKC, lower case, runs of spaces/underscores/dots become "-",
 * anything that is not a letter, a digit or "-" is dropped (Chinese letters are
 * kept: they are letters), repeated and edge dashes are removed. A name made only
 * of emoji or symbols therefore gives an empty slug, which the loader rejects.
 */
export function normalizeSlug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.·]+/gu, '-')
    .replace(/[^\p{L}\p{N}\p{M}-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

const POST_FILE = /^(?:([^/]+)\.(mdx?)|([^/]+)\/index\.(mdx?))$/i;
const BACKUP_FILE = /(?:~|\.(?:bak|swp|swo|tmp|orig))$/i;

export type ContentFileKind =
  { kind: 'post'; name: string; format: 'md' | 'mdx' } | { kind: 'ignored'; reason: string };

/**
 * Decides whether a path inside the content folder (POSIX, relative) is a post.
 * Posts are `<slug>.md`, `<slug>.mdx`, `<slug>/index.md` or `<slug>/index.mdx`.
 * Ignored: any path segment starting with "_" or "."; README.md files; editor
 * backups ("~", .bak, .swp, .swo, .tmp, .orig); any other file.
 */
export function classifyContentPath(relativePath: string): ContentFileKind {
  const segments = relativePath.split('/');
  if (segments.some((segment) => segment.startsWith('_') || segment.startsWith('.'))) {
    return { kind: 'ignored', reason: 'starts with "_" or "."' };
  }
  const fileName = segments.at(-1) ?? '';
  if (/^readme\.mdx?$/i.test(fileName)) return { kind: 'ignored', reason: 'README' };
  if (BACKUP_FILE.test(fileName)) return { kind: 'ignored', reason: 'editor backup' };
  const match = POST_FILE.exec(relativePath);
  if (!match) return { kind: 'ignored', reason: 'not a post file' };
  const name = (match[1] ?? match[3])!;
  const format = (match[2] ?? match[4])!.toLowerCase() as 'md' | 'mdx';
  return { kind: 'post', name, format };
}
