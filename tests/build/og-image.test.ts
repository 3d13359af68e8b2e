/**
 * Open Graph images: /og/<slug>.png for every visible post (none for drafts),
 * 1200×630, not blank, drawn from the post's title, category, date (in the
 * site's time zone) and the site's name; Chinese glyphs really render (no tofu).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusOrThrow } from '../helpers/build.ts';
import { listFiles } from '../helpers/site.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH, renderOgImage, type OgImageInput } from '../../src/integrations/og-image.ts';
import { site as siteConfig } from '../../src/site.config.ts';

interface Image {
  width: number;
  height: number;
  /** RGBA, row-major. */
  rgba: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which must come first. */
function pngHeaderSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A small PNG decoder: 8-bit greyscale, RGB, palette, grey+alpha or RGBA, not interlaced. */
function decodePng(png: Uint8Array): Image {
  const bytes = Buffer.from(png);
  const { width, height } = pngHeaderSize(bytes);
  const depth = bytes[24]!;
  const colorType = bytes[25]!;
  expect(depth, 'bit depth').toBe(8);
  expect(bytes[28], 'interlace').toBe(0);
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (channels === undefined) throw new Error(`unknown PNG colour type ${colorType}`);

  const idat: Buffer[] = [];
  let palette = Buffer.alloc(0);
  let transparency = Buffer.alloc(0);
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IDAT') idat.push(data);
    if (type === 'PLTE') palette = data;
    if (type === 'tRNS') transparency = data;
    offset += 12 + length;
  }

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels]! : 0;
      const b = y > 0 ? pixels[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[row + x] = (raw[line + x]! + predictor) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const px = pixels.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, alpha] =
      colorType === 3
        ? [palette[px[0]! * 3]!, palette[px[0]! * 3 + 1]!, palette[px[0]! * 3 + 2]!, transparency[px[0]!] ?? 255]
        : colorType === 0
          ? [px[0]!, px[0]!, px[0]!, 255]
          : colorType === 4
            ? [px[0]!, px[0]!, px[0]!, px[1]!]
            : [px[0]!, px[1]!, px[2]!, colorType === 6 ? px[3]! : 255];
    rgba.set([r, g, b, alpha], i * 4);
  }
  return { width, height, rgba };
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the title is drawn (between the signal line and the footer rule). */
const TITLE_AREA: Rect = { x: 80, y: 130, width: 1040, height: 350 };

function* pixelsIn(image: Image, rect: Rect): Generator<number> {
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) yield (y * image.width + x) * 4;
  }
}

/** Pixels in `rect` whose colour differs between two images of the same size. */
function differingPixels(a: Image, b: Image, rect: Rect): number {
  let count = 0;
  for (const i of pixelsIn(a, rect)) {
    if (a.rgba[i] !== b.rgba[i] || a.rgba[i + 1] !== b.rgba[i + 1] || a.rgba[i + 2] !== b.rgba[i + 2]) count++;
  }
  return count;
}

/** Pixels in `rect` bright enough to be title text on the dark background. */
function brightPixels(image: Image, rect: Rect): number {
  let count = 0;
  for (const i of pixelsIn(image, rect)) {
    if (image.rgba[i]! + image.rgba[i + 1]! + image.rgba[i + 2]! > 3 * 180) count++;
  }
  return count;
}

const render = async (input: Partial<OgImageInput>): Promise<Image> =>
  decodePng(
    await renderOgImage(
      { title: '机器学习', category: '机器学习', date: '2025-03-02', siteName: siteConfig.title, ...input },
      { cacheDir: false },
    ),
  );

describe('built Open Graph images', () => {
  let site = '';
  beforeAll(() => {
    // The post is dated 00:30 in Shanghai, still the day before in Los Angeles.
    site = buildCorpusOrThrow('og', 'tests/fixtures/og', { TZ: 'America/Los_Angeles' });
  });

  const builtImage = (slug: string) => readFileSync(join(site, 'og', `${slug}.png`));

  it('exist for every visible post, under the post slug, and not for the draft', () => {
    expect(listFiles(site).filter((file) => file.startsWith('og/'))).toEqual(['og/pca-svd.png', 'og/梯度提升.png']);
  });

  it('are 1200×630 PNGs', () => {
    for (const slug of ['pca-svd', '梯度提升']) {
      expect(pngHeaderSize(builtImage(slug)), slug).toEqual({ width: 1200, height: 630 });
      expect(decodePng(builtImage(slug)).rgba.length).toBe(OG_IMAGE_WIDTH * OG_IMAGE_HEIGHT * 4);
    }
  });

  it('are not blank: many colours, and title text in the title area', () => {
    for (const slug of ['pca-svd', '梯度提升']) {
      const image = decodePng(builtImage(slug));
      const colours = new Set<number>();
      for (let i = 0; i < image.rgba.length; i += 4)
        colours.add((image.rgba[i]! << 16) | (image.rgba[i + 1]! << 8) | image.rgba[i + 2]!);
      expect(colours.size, slug).toBeGreaterThan(50);
      expect(brightPixels(image, TITLE_AREA), slug).toBeGreaterThan(0.03 * TITLE_AREA.width * TITLE_AREA.height);
    }
  });

  it('show the post title, category, date in the site time zone and the site name', async () => {
    const expected = await renderOgImage(
      {
        title: '主成分分析：从方差最大化到奇异值分解',
        category: '机器学习',
        date: '2025-03-02',
        siteName: siteConfig.title,
      },
      { cacheDir: false },
    );
    expect(Buffer.compare(builtImage('pca-svd'), Buffer.from(expected))).toBe(0);
    const dayBefore = await renderOgImage(
      {
        title: '主成分分析：从方差最大化到奇异值分解',
        category: '机器学习',
        date: '2025-03-01',
        siteName: siteConfig.title,
      },
      { cacheDir: false },
    );
    expect(Buffer.compare(builtImage('pca-svd'), Buffer.from(dayBefore))).not.toBe(0);
  });
});

describe('the Open Graph renderer', () => {
  it('draws Chinese glyphs: two titles of the same length differ in the title area (tofu boxes would not)', async () => {
    const a = await render({ title: '主成分分析' });
    const b = await render({ title: '梯度下降法' });
    expect(differingPixels(a, b, TITLE_AREA)).toBeGreaterThan(2000);
    // Outside the title the two images are the same.
    expect(differingPixels(a, b, { x: 0, y: 0, width: 1200, height: 120 })).toBe(0);
  });

  it('draws every character: a title differs from the same title with a space in it', async () => {
    const a = await render({ title: '机器学习札记' });
    const b = await render({ title: '机器学习 札记' });
    expect(differingPixels(a, b, TITLE_AREA)).toBeGreaterThan(500);
  });

  it('draws the category and the date', async () => {
    const base = await render({});
    expect(
      differingPixels(base, await render({ category: '强化学习' }), { x: 800, y: 50, width: 400, height: 80 }),
    ).toBeGreaterThan(200);
    expect(
      differingPixels(base, await render({ date: '2025-03-09' }), { x: 800, y: 500, width: 400, height: 130 }),
    ).toBeGreaterThan(50);
  });

  it('clamps long titles to three lines with an ellipsis', async () => {
    const long =
      '梯度提升树的完整推导与工程实现：二阶泰勒展开、正则化项、分裂增益、直方图近似、稀疏感知、列块并行以及缓存优化的细节';
    const clamped = await render({ title: long });
    // Text past the third line changes nothing.
    expect(differingPixels(clamped, await render({ title: `${long}，以及更多内容` }), TITLE_AREA)).toBe(0);
    // The title stays inside the title area: nothing is drawn over the footer.
    expect(
      differingPixels(clamped, await render({ title: '短标题' }), { x: 0, y: 490, width: 1200, height: 140 }),
    ).toBe(0);
  });
});
