/**
 * Problems the posts loader reports against a post's source: front-matter
 * schema errors at the line of the field.
 */
import { ContentError } from './content-error.ts';

/**
 * Astro's schema error lists "**field**: message" lines; report each against the
 * line where the field is written (or the front matter's first line).
 */
export function schemaErrors(message: string, text: string, display: string): ContentError[] {
  const issues = [...message.matchAll(/\*\*([\w.]+)\*\*: (.+)/g)];
  if (issues.length === 0) return [new ContentError(display, message.replace(/\*\*/g, ''))];
  return issues.map(([, field, detail]) => {
    const key = field!.split('.')[0]!;
    const line = text.split('\n').findIndex((row) => row.startsWith(`${key}:`));
    return new ContentError(display, `front matter: ${detail}`, line < 0 ? 2 : line + 1);
  });
}

