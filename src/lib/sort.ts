/** The fields that decide the order of posts everywhere on the site. */
export interface Sortable {
  id: string;
  data: { date: Date };
}

/** Compares newest first, then by slug, so that equal dates still give one fixed order. */
export function compareNewestFirst(a: Sortable, b: Sortable): number {
  const byDate = b.data.date.getTime() - a.data.date.getTime();
  if (byDate !== 0) return byDate;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Returns a new array, newest first (date descending, then slug ascending). */
export function sortNewestFirst<T extends Sortable>(posts: readonly T[]): T[] {
  return [...posts].sort(compareNewestFirst);
}
