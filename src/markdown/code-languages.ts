/**
 * Which code-fence languages Shiki can highlight. An unknown one only makes
 * Shiki fall back to plain text with a warning that names no file; the loader
 * uses this to warn with the file, the line and the language instead.
 */
import { bundledLanguages, bundledLanguagesAlias } from 'shiki';

/** Languages Shiki treats as plain text on purpose, and remark-math's fence. */
const PLAIN = new Set(['', 'text', 'txt', 'plaintext', 'plain', 'ansi', 'math']);

export function isKnownCodeLanguage(lang: string): boolean {
  const name = lang.toLowerCase();
  return PLAIN.has(name) || name in bundledLanguages || name in bundledLanguagesAlias;
}
