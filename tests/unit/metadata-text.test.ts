import { describe, expect, it } from 'vitest';
import { cleanMetadataText } from '../../src/lib/metadata-text.ts';

describe('cleanMetadataText', () => {
  it('keeps markup-like text, entities, emoji, ZWJ sequences and right-to-left scripts as they are', () => {
    const text = '</title><script>alert(1)</script> "><svg onload=alert(1)> ]]> & &amp; 😀 👨‍👩‍👧‍👦 مرحبا שלום';
    expect(cleanMetadataText(text)).toBe(text);
  });

  it('removes control characters (C0 other than tab/LF/CR, DEL, C1), lone surrogates and noncharacters', () => {
    expect(cleanMetadataText('铃\u0007声\u0000\u0001\u001B\u007F\u0085\u009F\uD800\uFFFE完')).toBe('铃声完');
    expect(cleanMetadataText('a\tb\nc')).toBe('a\tb\nc');
  });

  it('removes the bidi embedding and override controls U+202A–U+202E', () => {
    expect(cleanMetadataText('invoice \u202Efdp.exe\u202C')).toBe('invoice fdp.exe');
    expect(cleanMetadataText('\u202A\u202B\u202C\u202D\u202Ex')).toBe('x');
  });

  it('keeps the bidi isolates and marks, which cannot reverse letters', () => {
    const text = 'a \u2067שלום\u2069 b \u2066x\u2069 \u2068y\u2069 \u200E\u200F\u061C';
    expect(cleanMetadataText(text)).toBe(text);
  });
});
