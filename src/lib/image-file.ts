/**
 * The file a relative image URL of a post names: the URL without its ?query or
 * #fragment, percent-decoded (`%20` is a space), resolved from the post's folder.
 * A URL with a malformed escape is taken as written.
 */
import { dirname, resolve } from 'node:path';

export function imageFile(postFile: string, url: string): string {
  const path = url.split(/[?#]/)[0]!;
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // "100%.png": not an escape, the file's own name.
  }
  return resolve(dirname(postFile), decoded);
}
