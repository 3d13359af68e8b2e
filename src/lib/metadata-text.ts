/**
 * Text fields of a post's front matter (title, description, tags, series) end
 * up in <title>, meta tags, JSON-LD, feeds, link previews and browser tabs.
 * They are cleaned once, in the content schema, so every output gets the same
 * text:
 * - every character XML 1.0 forbids or discourages is removed (cleanXmlText:
 *   control characters other than tab/LF/CR, lone surrogates, noncharacters);
 *   a control character never reaches an HTML or XML file;
 * - the bidi embedding and override controls U+202A–U+202E (LRE, RLE, PDF,
 *   LRO, RLO) are removed. An override reverses the letters that follow it and
 *   leaks into whatever the text is embedded in (the " | site" suffix of a
 *   <title>, a feed reader's list), the classic way to disguise text. Arabic
 *   and Hebrew need none of them: the Unicode bidi algorithm orders them from
 *   the letters themselves. The isolates U+2066–U+2069 (LRI, RLI, FSI, PDI)
 *   and the marks U+200E, U+200F, U+061C, which cannot reorder letters within
 *   a run, are kept for authors who need to steer mixed-direction text.
 */
import { cleanXmlText } from './xml-text.ts';

const BIDI_OVERRIDES = /[\u202A-\u202E]/g;

export function cleanMetadataText(text: string): string {
  return cleanXmlText(text).replace(BIDI_OVERRIDES, '');
}
