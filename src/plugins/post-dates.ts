/**
 * Last-modified dates of post pages for the sitemap, read from front matter
 * (`updated`, else `date`), never from file times. Runs in astro.config.mjs,
 * outside the content layer, so it reads the posts folder with the loader's own
 * rules (which files are posts, slugs, YAML 1.2 dates).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCalendarText, zonedTimeToInstant } from '../lib/dates.ts';
import { parseFrontmatter } from '../lib/frontmatter.ts';
import { classifyContentPath, normalizeSlug } from '../lib/slug.ts';
import { decodeSourceBytes } from '../lib/source-text.ts';

/** Map from post slug to its last-modified instant. Files the loader would reject are skipped (the build fails there). */
export function readPostDates(contentDir: string, timeZone: string, root: string = process.cwd()): Map<string, Date> {
  const dir = resolve(root, contentDir);
  const dates = new Map<string, Date>();
  if (!existsSync(dir)) return dates;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const kind = classifyContentPath(file.split('\\').join('/'));
    if (kind.kind !== 'post') continue;
    const decoded = decodeSourceBytes(readFileSync(join(dir, file)));
    if (!decoded.ok) continue;
    const front = parseFrontmatter(decoded.text);
    if (!front.ok) continue;
    const slug = normalizeSlug(typeof front.data['slug'] === 'string' ? front.data['slug'] : kind.name);
    const text = String(front.data['updated'] ?? front.data['date'] ?? '');
    const parts = parseCalendarText(text);
    if (typeof parts !== 'string') dates.set(slug, zonedTimeToInstant(parts, timeZone));
  }
  return dates;
}
