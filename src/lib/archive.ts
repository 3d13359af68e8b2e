/** The archive: posts grouped by year, then month, in the site's time zone, newest first. */
import { yearMonthInZone } from './dates.ts';
import type { Sortable } from './sort.ts';

export interface ArchiveMonth<P> {
  month: number;
  posts: P[];
}

export interface ArchiveYear<P> {
  year: number;
  months: ArchiveMonth<P>[];
  count: number;
}

/** `posts` must be sorted newest first; the groups keep that order. */
export function groupByYearMonth<P extends Sortable>(posts: readonly P[], timeZone: string): ArchiveYear<P>[] {
  const years: ArchiveYear<P>[] = [];
  for (const post of posts) {
    const { year, month } = yearMonthInZone(post.data.date, timeZone);
    let group = years.at(-1);
    if (group?.year !== year) {
      group = { year, months: [], count: 0 };
      years.push(group);
    }
    let monthGroup = group.months.at(-1);
    if (monthGroup?.month !== month) {
      monthGroup = { month, posts: [] };
      group.months.push(monthGroup);
    }
    monthGroup.posts.push(post);
    group.count += 1;
  }
  return years;
}
