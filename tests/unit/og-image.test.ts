/**
 * The Open Graph image module (src/integrations/og-image.ts): the node tree it draws,
 * deterministic PNG output and the persistent cache.
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ogImageBatch,
  ogImageCacheFile,
  ogImageStats,
  ogImageTree,
  renderOgImage,
  renderOgImageUncached,
  type OgImageInput,
} from '../../src/integrations/og-image.ts';

const input: OgImageInput = {
  title: '主成分分析：从方差最大化到奇异值分解',
  category: '机器学习',
  date: '2025-03-02',
  siteName: '机器学习札记',
};

/** Every text in the tree, in document order. */
function texts(node: ReturnType<typeof ogImageTree>): string[] {
  return node.type === 'text' ? [node.text] : node.children.flatMap(texts);
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('ogImageTree', () => {
  it('shows the signal line, category, title, site name and date', () => {
    expect(texts(ogImageTree(input))).toEqual([
      'INCOMING TRANSMISSION',
      '机器学习',
      input.title,
      '机器学习札记',
      '2025-03-02',
    ]);
  });

  it('collapses runs of whitespace but keeps single spaces', () => {
    const tree = ogImageTree({ ...input, title: '  从 GBDT\n\tto   XGBoost ' });
    expect(texts(tree)).toContain('从 GBDT to XGBoost');
  });

  it('is a 1200×630 canvas', () => {
    expect(ogImageTree(input).style).toMatchObject({ width: 1200, height: 630 });
  });
});

describe('renderOgImage', () => {
  let cacheDir = '';
  beforeAll(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('renders a 1200×630 PNG, the same bytes every time', async () => {
    const first = await renderOgImageUncached(input);
    const second = await renderOgImageUncached({ ...input });
    expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('stores a rendered image in the cache and reads it back the next time', async () => {
    const before = { ...ogImageStats };
    const rendered = await renderOgImage(input, { cacheDir });
    const file = ogImageCacheFile(input, cacheDir);
    expect(existsSync(file)).toBe(true);
    expect(file.startsWith(cacheDir)).toBe(true);
    const cached = await renderOgImage(input, { cacheDir });
    expect(Buffer.compare(rendered, cached)).toBe(0);
    expect(Buffer.compare(rendered, await renderOgImageUncached(input))).toBe(0);
    expect(ogImageStats.rendered - before.rendered).toBe(1);
    expect(ogImageStats.fromCache - before.fromCache).toBe(1);
  });

  it('keys the cache on every input', () => {
    const files = new Set(
      [
        input,
        { ...input, title: `${input.title}！` },
        { ...input, category: '深度学习' },
        { ...input, date: '2025-03-03' },
        { ...input, siteName: '札记' },
      ].map((variant) => ogImageCacheFile(variant, cacheDir)),
    );
    expect(files.size).toBe(5);
    // Whitespace that does not change the image does not change the key either.
    expect(ogImageCacheFile({ ...input, title: ` ${input.title}\n` }, cacheDir)).toBe(
      ogImageCacheFile(input, cacheDir),
    );
  });

  it('renders again when a cache entry is damaged', async () => {
    const variant = { ...input, title: '损坏的缓存条目' };
    const file = ogImageCacheFile(variant, cacheDir);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'not a png');
    const png = await renderOgImage(variant, { cacheDir });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('removes the folders of other renderer, font or design versions', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'og-cache-'));
    try {
      mkdirSync(join(fresh, 'stale-environment'));
      writeFileSync(join(fresh, 'stale-environment', 'old.png'), 'old');
      await renderOgImage({ ...input, title: '新的缓存目录' }, { cacheDir: fresh });
      expect(readdirSync(fresh)).toEqual([basename(dirname(ogImageCacheFile(input, fresh)))]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('renders every time with the cache turned off', async () => {
    const before = ogImageStats.fromCache;
    await renderOgImage(input, { cacheDir: false });
    expect(ogImageStats.fromCache).toBe(before);
  });
});

describe('ogImageBatch', () => {
  it('gives every image of the list, in or out of order, and images not in the list', async () => {
    const inputs = ['一', '二', '三', '四'].map((n) => ({ ...input, title: `第${n}篇` }));
    const draw = ogImageBatch(inputs, { cacheDir: false, ahead: 2 });
    const order = [inputs[0]!, inputs[1]!, inputs[3]!, inputs[2]!, { ...input, title: '不在列表里' }];
    for (const item of order) {
      expect(Buffer.compare(await draw(item), await renderOgImageUncached(item)), item.title).toBe(0);
    }
  });
});
