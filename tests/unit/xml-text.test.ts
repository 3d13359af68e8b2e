import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cleanXmlText, escapeXml } from '../../src/lib/xml-text.ts';

/** XML 1.0 `Char`: what may appear in a document at all. */
const XML_CHAR = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

const codePoint = (n: number) => String.fromCodePoint(n);

describe('cleanXmlText', () => {
  it('keeps ordinary text, CJK, tab, newline and carriage return', () => {
    const text = '机器学习 & <b>"引号"</b> ]]>\tA\nB\r\nC';
    expect(cleanXmlText(text)).toBe(text);
  });

  it('keeps emoji, ZWJ sequences, flags, variation selectors, combining marks and U+FEFF', () => {
    const text = '👩‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇨🇳 ❤️ é \uFEFF \u200B \u{1D400} \u{10FFFD}';
    expect(cleanXmlText(text)).toBe(text);
  });

  it('strips C0 controls other than tab/LF/CR, DEL and C1 controls', () => {
    expect(cleanXmlText('a\u0000b\u0007c\u0008d\u000Be\u000Cf\u001Bg\u001Fh')).toBe('abcdefgh');
    expect(cleanXmlText('x\u007Fy\u0080z\u0085w\u009Fv')).toBe('xyzwv');
  });

  it('strips lone surrogates but keeps surrogate pairs', () => {
    expect(cleanXmlText('a\uD800b\uDC00c')).toBe('abc');
    expect(cleanXmlText('end\uD83D')).toBe('end');
    expect(cleanXmlText('\uDE00start')).toBe('start');
    expect(cleanXmlText('\uD83D\uDE00')).toBe('😀');
  });

  it('strips U+FFFE, U+FFFF and the other noncharacters', () => {
    expect(cleanXmlText('a\uFFFEb\uFFFFc\uFDD0d\uFDEFe')).toBe('abcde');
    expect(cleanXmlText(`a${codePoint(0x1fffe)}b${codePoint(0x10ffff)}c`)).toBe('abc');
    expect(cleanXmlText('\uFFFD')).toBe('\uFFFD');
  });

  it('leaves only XML 1.0 characters for every BMP code unit and every plane end', () => {
    let all = '';
    for (let unit = 0; unit <= 0xffff; unit++) all += String.fromCharCode(unit);
    for (let plane = 1; plane <= 0x10; plane++)
      all += codePoint(plane * 0x10000 + 0xfffe) + codePoint(plane * 0x10000 + 0xfffd);
    const cleaned = cleanXmlText(all);
    expect(cleaned).toMatch(XML_CHAR);
    expect(cleaned).toContain(codePoint(0x10fffd));
    // Removed: 29 C0 controls, DEL + 32 C1 controls, 2046 lone surrogates (U+DBFF U+DC00 meet and form the
    // valid U+10FC00), 32 + 2 BMP noncharacters; the 16 astral U+xFFFE are removed, the U+xFFFD kept.
    expect([...cleaned]).toHaveLength(0x10000 - 29 - 33 - 2048 + 1 - 34 + 16);
    expect(cleaned).toContain(codePoint(0x10fc00));
  });

  it('is idempotent', () => {
    const once = cleanXmlText('a\u0007\uD800\uFFFF👩‍💻');
    expect(cleanXmlText(once)).toBe(once);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and cleans forbidden ones', () => {
    expect(escapeXml(`a & b < c > d "e" 'f' ]]>\u0007`)).toBe(
      'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; ]]&gt;',
    );
  });

  it('round-trips through a strict parser as element text and as an attribute', () => {
    const hostile = 'Q&A <script>alert(1)</script> ]]> 👩‍💻\u0007 "引号" \'单\'';
    const xml = `<r a="${escapeXml(hostile)}">${escapeXml(hostile)}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(xml) as {
      r: { '#text': string; '@_a': string };
    };
    expect(parsed.r['#text']).toBe(cleanXmlText(hostile));
    expect(parsed.r['@_a']).toBe(cleanXmlText(hostile));
  });
});
