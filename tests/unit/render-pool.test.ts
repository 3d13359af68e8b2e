import { describe, expect, it } from 'vitest';
import { workerHeapMb } from '../../src/site.config.ts';

describe('render worker heap cap', () => {
  it('is 512 MB unless BLOG_WORKER_HEAP_MB says otherwise', () => {
    expect(workerHeapMb({})).toBe(512);
    expect(workerHeapMb({ BLOG_WORKER_HEAP_MB: '64' })).toBe(64);
  });

  it('refuses a value that is not a whole number of MB, or too small to start a worker', () => {
    for (const value of ['', 'lots', '1.5', '8'])
      expect(() => workerHeapMb({ BLOG_WORKER_HEAP_MB: value })).toThrow(/BLOG_WORKER_HEAP_MB must be a whole number/);
  });
});
