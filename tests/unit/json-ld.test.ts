import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../../src/lib/json-ld.ts';

describe('serializeJsonLd', () => {
  it('keeps the data equal while leaving no raw < > & in the text', () => {
    const data = { headline: '</script><script>alert(1)</script> & "引号" \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
