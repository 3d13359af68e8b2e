import { describe, expect, it } from 'vitest';
import { codeFences } from '../../src/lib/code-fences.ts';

describe('codeFences', () => {
  it('finds fences with their language and line', () => {
    const source = [
      '正文',
      '```python',
      'x = 1',
      '```',
      '',
      '~~~~bash',
      'ls',
      '```',
      '~~~~',
      '```',
      'plain',
      '```',
    ].join('\n');
    expect(codeFences(source, 10)).toEqual([
      { lang: 'python', code: 'x = 1', line: 11 },
      { lang: 'bash', code: 'ls\n```', line: 15 },
      { lang: '', code: 'plain', line: 19 },
    ]);
  });

  it('reads the language before attributes', () => {
    expect(codeFences('```py {1,3}\nx\n```')[0]!.lang).toBe('py');
  });
});
