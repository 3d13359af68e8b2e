/** The dev server's patch between two versions of a post body's blocks (src/lib/block-patch.ts). */
import { describe, expect, it } from 'vitest';
import { blockPatch, type BlockPatch } from '../../src/lib/block-patch.ts';

const apply = (base: string[], patch: BlockPatch) => [
  ...base.slice(0, patch.start),
  ...patch.blocks,
  ...base.slice(patch.end),
];

describe('block patches', () => {
  const base = ['<h2>一</h2>', '\n', '<p>甲</p>', '\n', '<p>乙</p>', '\n', '<p>丙</p>'];

  it('holds only the blocks between the common start and end', () => {
    const next = ['<h2>一</h2>', '\n', '<p>甲</p>', '\n', '<p>乙，改过</p>', '\n', '<p>丙</p>'];
    expect(blockPatch(base, next)).toEqual({ start: 4, end: 5, count: 7, blocks: ['<p>乙，改过</p>'] });
  });

  it('adds at the end, removes in the middle, and gives back what it was made from', () => {
    const cases = [[...base, '\n', '<p>新加的</p>'], ['<h2>一</h2>', '\n', '<p>丙</p>'], [], ['<p>全新</p>'], base];
    for (const next of cases) {
      const patch = blockPatch(base, next);
      expect(patch.count).toBe(base.length);
      expect(apply(base, patch)).toEqual(next);
    }
    expect(blockPatch(base, base).blocks).toEqual([]);
  });

  it('does not count a repeated block twice when the change is next to it', () => {
    const repeated = ['<p>同</p>', '<p>同</p>'];
    const next = ['<p>同</p>', '<p>同</p>', '<p>同</p>'];
    const patch = blockPatch(repeated, next);
    expect(apply(repeated, patch)).toEqual(next);
    expect(patch.blocks).toHaveLength(1);
  });
});
