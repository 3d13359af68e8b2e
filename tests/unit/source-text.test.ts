import { describe, expect, it } from 'vitest';
import { decodeSourceBytes, firstInvalidUtf8Offset } from '../../src/lib/source-text.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeSourceBytes', () => {
  it('removes a byte-order mark and CRLF line endings', () => {
    const clean = decodeSourceBytes(bytes('---\ntitle: 标题\n---\n正文\n'));
    const messy = decodeSourceBytes(bytes('\uFEFF---\r\ntitle: 标题\r\n---\r\n正文\r\n'));
    expect(messy).toEqual(clean);
  });

  it('says where a file stops being UTF-8', () => {
    const gbk = new Uint8Array([...bytes('---\ntitle: a\n'), 0xd6, 0xd0, 0xce, 0xc4, 0x0a]);
    const result = decodeSourceBytes(gbk);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not valid UTF-8 \(byte 0xd6 at offset 13, line 3\)/);
  });

  it('finds the first invalid byte', () => {
    expect(firstInvalidUtf8Offset(bytes('中文'))).toBe(-1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xc0, 0x80]))).toBe(0);
  });
});
