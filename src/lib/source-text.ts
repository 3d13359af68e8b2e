/**
 * Turning the bytes of a post file into clean text: strict UTF-8 (the first bad
 * byte is reported with its line), no byte-order mark, "\n" line endings, no
 * control characters. A file with a BOM or CRLF endings therefore builds exactly
 * like its clean twin, and no control character reaches HTML or XML.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/** Byte offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return -1;
}

export function decodeSourceBytes(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = bytes.subarray(0, Math.max(0, offset)).filter((byte) => byte === 0x0a).length + 1;
    const hex = offset >= 0 ? bytes[offset]!.toString(16).padStart(2, '0') : '??';
    return {
      ok: false,
      message: `is not valid UTF-8 (byte 0x${hex} at offset ${offset}, line ${line}); save the file as UTF-8`,
    };
  }
  return { ok: true, text: removeControlCharacters(normalizeNewlines(text.replace(/^\uFEFF/, ''))) };
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * C0 and C1 control characters other than tab and newline (and U+FFFE/U+FFFF)
 * have no place in a post and are not allowed in XML: they are removed.
 */
export function removeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '');
}
