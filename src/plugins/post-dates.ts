/**
 * Last-modified dates of post pages for the sitemap, read from front matter
 * (`updated`, else `date`), never from file times.
 */
import { resolve } from 'node:path';
import { parseCalendarText, zonedTimeToInstant } from '../lib/dates.ts';
import { readPostSummaries } from './post-files.ts';

/** Map from post slug to its last-modified instant. Files the loader would reject are skipped (the build fails there). */
export function readPostDates(contentDir: string, timeZone: string, root: string = process.cwd()): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const post of readPostSummaries(resolve(root, contentDir), root)) {
    const parts = parseCalendarText(String(post.data?.['updated'] ?? post.data?.['date'] ?? ''));
    if (typeof parts !== 'string') dates.set(post.slug, zonedTimeToInstant(parts, timeZone));
  }
  return dates;
}
