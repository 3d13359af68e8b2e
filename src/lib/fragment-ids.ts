/**
 * The ids a browser tries for a URL's fragment, in order (HTML's "indicated part
 * of the document"): the fragment as the URL holds it (percent-encoded), then
 * percent-decoded as UTF-8. Footnote ids from Chinese labels need the first
 * (`id="user-content-fn-%E6%B3%A81"`), headings written in Chinese the second.
 */
export function fragmentIds(hash: string): string[] {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape ("%E6" alone): the browser's decoding yields U+FFFD, which no id we write holds.
    return [raw];
  }
  return decoded === raw ? [raw] : [raw, decoded];
}
