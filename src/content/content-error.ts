/**
 * A problem in one content file, reported as "<file>[:<line>]: <what is wrong>".
 * The loader collects all of them and fails the build once, listing each.
 */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly detail: string;

  constructor(file: string, detail: string, line?: number) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${detail}`);
    this.name = 'ContentError';
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}

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

/** One error message for all problems found, so an author fixes them in one pass. */
export function combineContentErrors(errors: readonly Error[]): Error {
  const lines = errors.map((error) => `  - ${error.message.replace(/\n/g, '\n    ')}`);
  const noun = errors.length === 1 ? 'problem' : 'problems';
  return new Error(`Content check failed: ${errors.length} ${noun} in the posts.\n${lines.join('\n')}`);
}
