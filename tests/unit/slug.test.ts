import { describe, expect, it } from 'vitest';
import { classifyContentPath, normalizeSlug } from '../../src/lib/slug.ts';

describe('normalizeSlug', () => {
  it('keeps ASCII names readable', () => {
    expect(normalizeSlug('gbdt-to-xgboost')).toBe('gbdt-to-xgboost');
    expect(normalizeSlug('My Post_Name.v2')).toBe('my-post-name-v2');
    expect(normalizeSlug('  --Hello   World--  ')).toBe('hello-world');
  });

  it('keeps Chinese letters and digits', () => {
    expect(normalizeSlug('集成学习 2')).toBe('集成学习-2');
  });

  it('gives an empty slug for names made only of emoji or symbols', () => {
    expect(normalizeSlug('🔥🚀')).toBe('');
    expect(normalizeSlug('!!!')).toBe('');
  });

  it('normalises full-width characters', () => {
    expect(normalizeSlug('ＰＣＡ')).toBe('pca');
  });
});

describe('classifyContentPath', () => {
  it('accepts the four post shapes', () => {
    expect(classifyContentPath('pca.md')).toEqual({ kind: 'post', name: 'pca', format: 'md' });
    expect(classifyContentPath('ddp.mdx')).toEqual({ kind: 'post', name: 'ddp', format: 'mdx' });
    expect(classifyContentPath('kd-tree/index.md')).toEqual({ kind: 'post', name: 'kd-tree', format: 'md' });
    expect(classifyContentPath('autograd/index.mdx')).toEqual({ kind: 'post', name: 'autograd', format: 'mdx' });
  });

  it('ignores READMEs, hidden and underscore files, backups and other files', () => {
    for (const path of [
      'README.md',
      'readme.mdx',
      '_draft-notes.md',
      '.hidden.md',
      '_parts/a.md',
      'pca.md~',
      'pca.md.bak',
      'notes.txt',
      'kd-tree/notes.md',
      'a/b/index.md',
      'kd-tree/figure.svg',
    ]) {
      expect(classifyContentPath(path).kind, path).toBe('ignored');
    }
  });
});
