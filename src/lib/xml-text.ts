/**
 * Text that goes into the XML feeds. XML 1.0 allows only tab, LF, CR and the
 * characters from U+0020 up, minus lone surrogates and U+FFFE/U+FFFF; a strict
 * parser rejects the whole document for one stray character. Escaping (&, <, >,
 * quotes; "]]>" is harmless once ">" is escaped) is done by the XML builder.
 */

/**
 * Characters removed from feed text:
 * - control characters (Unicode Cc: C0, DEL and C1) except tab, LF and CR;
 *   C0 controls are not XML 1.0 characters, DEL and C1 are discouraged and
 *   invisible in text anyway;
 * - lone surrogates (a surrogate pair, e.g. an emoji, is one code point and stays);
 * - noncharacters: U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane
 *   (U+FFFE/U+FFFF are not XML characters, the others are discouraged).
 */
const NOT_FOR_XML = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/** Removes every character a strict XML 1.0 parser would reject (see NOT_FOR_XML). */
export function cleanXmlText(text: string): string {
  return text.replace(NOT_FOR_XML, '');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Cleans and escapes text for hand-written XML (element content or a quoted attribute value). */
export function escapeXml(text: string): string {
  return cleanXmlText(text).replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}
