/**
 * Front matter: a YAML block between "---" lines at the very top of a post.
 * Parsed as YAML 1.2 (core schema), so `date: 2024-02-30` stays the text the
 * author wrote and the schema can reject it, instead of YAML 1.1 rolling it over
 * to March 1st. Errors carry the line number in the whole file.
 */
import { parseDocument } from 'yaml';

export interface SplitSource {
  /** YAML text between the fences. */
  yaml: string;
  /** Markdown after the closing fence. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

export type FrontmatterResult =
  | { ok: true; data: Record<string, unknown>; body: string; bodyLine: number }
  | { ok: false; message: string; line?: number };

/** Splits "---\n<yaml>\n---\n<body>"; returns undefined when the file has no front matter. */
export function splitFrontmatter(text: string): SplitSource | undefined {
  const match = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return undefined;
  const yaml = match[1] ?? '';
  return { yaml, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

export function parseFrontmatter(text: string): FrontmatterResult {
  const split = splitFrontmatter(text);
  if (!split)
    return {
      ok: false,
      message: 'has no front matter: the file must start with a "---" line, the YAML fields, then another "---" line',
      line: 1,
    };
  const document = parseDocument(split.yaml, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const yamlLine = error.linePos?.[0]?.line;
    // The YAML starts on line 2 of the file, after the opening fence.
    const line = yamlLine === undefined ? undefined : yamlLine + 1;
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return line === undefined
      ? { ok: false, message: `has invalid YAML front matter: ${reason}` }
      : { ok: false, message: `has invalid YAML front matter at line ${line}: ${reason}`, line };
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { ok: true, data: {}, body: split.body, bodyLine: split.bodyLine };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'has front matter that is not a set of "field: value" lines', line: 2 };
  }
  return { ok: true, data: data as Record<string, unknown>, body: split.body, bodyLine: split.bodyLine };
}
