/**
 * Open Graph images: one 1200×630 PNG per post, drawn at build time from the
 * post's title, category and date and the site's name.
 *
 * Rendering: Takumi (@takumi-rs/core, Rust, native binding) lays out a small
 * node tree (flexbox, CJK line breaking, 3-line clamp with an ellipsis) and
 * encodes the PNG off the main thread. Fonts come from npm packages, never
 * from the network: Noto Sans SC (full TrueType files, every CJK glyph) and
 * JetBrains Mono (latin subset, for the monospace "signal" lines). They are
 * read and registered once per process, on the first image that is not in the
 * cache, into one renderer.
 *
 * Cache: every image is stored under node_modules/.cache/og-images/<env>/<key>.png.
 * <env> hashes what is the same for every image (design version, renderer
 * version and platform, the bytes of each font file); <key> hashes the image's
 * complete description (the node tree, which holds the inputs and the whole
 * design, and the render options). An unchanged post is read back instead of
 * rendered; any change to its inputs, the design, the fonts or the renderer
 * misses. Folders of other environments are removed when a new one is first
 * written, so the cache does not grow with every design change.
 *
 * Output is deterministic: the same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Renderer } from '@takumi-rs/core';

/** What an Open Graph image shows. */
export interface OgImageInput {
  title: string;
  /** Shown as given (one of the site's categories). */
  category: string;
  /** Already formatted, "YYYY-MM-DD" in the site's time zone. */
  date: string;
  siteName: string;
}

export interface OgImageOptions {
  /** Folder of the persistent cache; `false` renders every time. Default: node_modules/.cache/og-images. */
  cacheDir?: string | false;
}

export const OG_IMAGE_WIDTH = 1200;
export const OG_IMAGE_HEIGHT = 630;

/**
 * Bump when the output changes in a way that neither the node tree nor the
 * render options show (say, how fonts are registered). Changes to the tree
 * (colours, sizes, layout, text) change every cache key on their own.
 */
export const OG_DESIGN_VERSION = 1;

/** Title lines before the ellipsis. */
export const OG_TITLE_MAX_LINES = 3;

const require = createRequire(import.meta.url);

interface FontFile {
  family: string;
  weight: number;
  /** Package subpath, resolved from node_modules. */
  file: string;
}

const FONTS: readonly FontFile[] = [
  { family: 'Noto Sans SC', weight: 700, file: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
  { family: 'Noto Sans SC', weight: 400, file: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  {
    family: 'JetBrains Mono',
    weight: 500,
    file: '@fontsource/jetbrains-mono/files/jetbrains-mono-latin-500-normal.woff2',
  },
];

// Palette: the site's dark theme (src/styles/global.css), a shade deeper.
// Flat colours only: with at most 256 colours in the image Takumi writes an
// indexed PNG, about twice as fast to encode and half the size. A gradient or
// a translucent background grid pushes past that and costs ~5 ms per image.
const COLORS = {
  background: '#0f1218',
  accent: '#6cb2ff',
  text: '#e8ebef',
  muted: '#8b95a1',
  rule: '#262c36',
} as const;

const SANS = "'Noto Sans SC'";
const MONO = "'JetBrains Mono', 'Noto Sans SC'";

// ---------------------------------------------------------------------------
// The design: a Takumi node tree (CSS properties in camelCase, numbers in px).

type Style = Record<string, string | number>;
interface ContainerNode {
  type: 'container';
  style: Style;
  children: TreeNode[];
}
interface TextNode {
  type: 'text';
  text: string;
  style: Style;
}
type TreeNode = ContainerNode | TextNode;

const box = (style: Style, children: TreeNode[] = []): ContainerNode => ({ type: 'container', style, children });
const text = (content: string, style: Style): TextNode => ({ type: 'text', text: content, style });

/** Whitespace runs (newlines, tabs) become one space; ends trimmed. A single space is kept. */
function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** The node tree of one image. Pure: the same input gives the same tree. */
export function ogImageTree(input: OgImageInput): TreeNode {
  return box(
    {
      width: OG_IMAGE_WIDTH,
      height: OG_IMAGE_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      padding: '64px 80px 56px',
      backgroundColor: COLORS.background,
      color: COLORS.text,
      fontFamily: SANS,
    },
    [
      // Accent strip along the top edge.
      box({ position: 'absolute', left: 0, top: 0, width: OG_IMAGE_WIDTH, height: 8, backgroundColor: COLORS.accent }),
      // Signal line (as on the feed's masthead) and the category.
      box({ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
        box({ display: 'flex', alignItems: 'center' }, [
          box({ width: 14, height: 14, borderRadius: 7, backgroundColor: COLORS.accent, marginRight: 16 }),
          text('INCOMING TRANSMISSION', {
            fontFamily: MONO,
            fontWeight: 500,
            fontSize: 22,
            letterSpacing: '0.3em',
            color: COLORS.accent,
          }),
        ]),
        text(clean(input.category), {
          fontSize: 24,
          fontWeight: 400,
          color: COLORS.accent,
          border: `2px solid ${COLORS.accent}`,
          borderRadius: 999,
          padding: '4px 20px',
        }),
      ]),
      // The title, vertically centred in the space left; at most three lines.
      box({ display: 'flex', flexGrow: 1, alignItems: 'center' }, [
        text(clean(input.title), {
          borderLeft: `6px solid ${COLORS.accent}`,
          paddingLeft: 34,
          fontSize: 66,
          fontWeight: 700,
          lineHeight: 1.35,
          lineClamp: OG_TITLE_MAX_LINES,
          textOverflow: 'ellipsis',
          overflow: 'hidden',
        }),
      ]),
      // Footer: site name and date.
      box(
        {
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          borderTop: `2px solid ${COLORS.rule}`,
          paddingTop: 28,
        },
        [
          text(clean(input.siteName), { fontSize: 30, fontWeight: 700 }),
          text(clean(input.date), {
            fontFamily: MONO,
            fontWeight: 500,
            fontSize: 26,
            letterSpacing: '0.08em',
            color: COLORS.muted,
          }),
        ],
      ),
    ],
  );
}

const RENDER_OPTIONS = { width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT, format: 'png' } as const;

// ---------------------------------------------------------------------------
// Environment: font bytes, renderer version. Computed once per process.

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The directory of the package that `specifier` resolves into (its package.json may not be exported). */
function packageDir(specifier: string): string {
  const entry = require.resolve(specifier);
  const marker = `${sep}node_modules${sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`og-image: ${specifier} does not resolve into node_modules (${entry})`);
  const rest = entry.slice(at + marker.length).split(sep);
  const name = rest[0]!.startsWith('@') ? `${rest[0]}${sep}${rest[1]}` : rest[0]!;
  return join(entry.slice(0, at + marker.length), name);
}

interface Environment {
  /** Hash of design version, renderer, platform and font bytes. */
  id: string;
  /** The node_modules folder the renderer was resolved from. */
  nodeModules: string;
}

let environment: Environment | undefined;

function getEnvironment(): Environment {
  if (environment) return environment;
  const takumiDir = packageDir('@takumi-rs/core');
  const takumi = JSON.parse(readFileSync(join(takumiDir, 'package.json'), 'utf8')) as { version: string };
  const fonts = FONTS.map((font) => ({ ...font, sha256: sha256(readFileSync(require.resolve(font.file))) }));
  const id = sha256(
    JSON.stringify({
      design: OG_DESIGN_VERSION,
      renderer: `@takumi-rs/core@${takumi.version}`,
      platform: `${process.platform}-${process.arch}`,
      fonts,
    }),
  ).slice(0, 16);
  environment = { id, nodeModules: dirname(dirname(takumiDir)) };
  return environment;
}

// ---------------------------------------------------------------------------
// Rendering: one renderer per process, fonts registered once.

let renderer: Promise<Renderer> | undefined;

function getRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const instance = new Renderer();
    for (const font of FONTS) {
      // Read, register, drop: the renderer keeps its own copy.
      await instance.registerFont({
        name: font.family,
        weight: font.weight,
        style: 'normal',
        data: readFileSync(require.resolve(font.file)),
      });
    }
    return instance;
  })();
  return renderer;
}

/** Renders without the cache. */
export async function renderOgImageUncached(input: OgImageInput): Promise<Uint8Array<ArrayBuffer>> {
  const instance = await getRenderer();
  // The node tree is plain data; Takumi's Node type describes the same shape.
  return instance.render(ogImageTree(input) as Parameters<Renderer['render']>[0], RENDER_OPTIONS);
}

// ---------------------------------------------------------------------------
// Cache.

/** Counters for this process (reports and tests); renderMs sums render times, overlapping ones too. */
export const ogImageStats = { rendered: 0, fromCache: 0, renderMs: 0 };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const prunedRoots = new Set<string>();
let tmpCounter = 0;

/** The default cache folder: node_modules/.cache/og-images of the project. */
export function defaultOgCacheDir(): string {
  return join(getEnvironment().nodeModules, '.cache', 'og-images');
}

/** The cache file an input maps to (whether or not it exists yet). */
export function ogImageCacheFile(input: OgImageInput, cacheDir: string = defaultOgCacheDir()): string {
  const env = getEnvironment();
  const key = sha256(JSON.stringify([ogImageTree(input), RENDER_OPTIONS]));
  return join(cacheDir, env.id, `${key}.png`);
}

async function readCached(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const bytes = await readFile(file);
    return bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename), so parallel builds never see half a file. */
async function writeCached(root: string, file: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}-${tmpCounter++}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    if (!prunedRoots.has(root)) {
      prunedRoots.add(root);
      const current = getEnvironment().id;
      for (const entry of await readdir(root, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== current)
          await rm(join(root, entry.name), { recursive: true, force: true });
      }
    }
  } catch {
    // The cache only saves time; a read-only node_modules must not fail the build.
  }
}

/** The PNG bytes of a post's Open Graph image, from the cache when the same image was drawn before. */
export async function renderOgImage(
  input: OgImageInput,
  options: OgImageOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const cacheDir = options.cacheDir ?? defaultOgCacheDir();
  if (cacheDir === false) return renderOgImageUncached(input);
  const file = ogImageCacheFile(input, cacheDir);
  const cached = await readCached(file);
  if (cached) {
    ogImageStats.fromCache++;
    return cached;
  }
  const started = performance.now();
  const png = await renderOgImageUncached(input);
  ogImageStats.renderMs += performance.now() - started;
  ogImageStats.rendered++;
  await writeCached(cacheDir, file, png);
  return png;
}

/**
 * Draws a known list of images, asked for one at a time in about that order
 * (Astro renders a route's pages one after another). Each request also starts
 * the next `ahead` images, so the renderer's threads draw while the caller
 * writes the previous file. A started image is held only until it is asked
 * for, so memory stays bounded by `ahead`.
 */
export function ogImageBatch(
  inputs: readonly OgImageInput[],
  options: OgImageOptions & { ahead?: number } = {},
): (input: OgImageInput) => Promise<Uint8Array<ArrayBuffer>> {
  const ahead = options.ahead ?? 8;
  const id = (input: OgImageInput) => JSON.stringify([input.title, input.category, input.date, input.siteName]);
  const ids = inputs.map(id);
  const position = new Map<string, number>();
  ids.forEach((key, index) => {
    if (!position.has(key)) position.set(key, index);
  });
  const started = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const start = (index: number) => {
    const key = ids[index]!;
    if (started.has(key)) return;
    const png = renderOgImage(inputs[index]!, options);
    // A failure surfaces when the image is asked for, not as an unhandled rejection before.
    png.catch(() => {});
    started.set(key, png);
  };
  return (input) => {
    const key = id(input);
    const index = position.get(key);
    if (index === undefined) return renderOgImage(input, options);
    start(index);
    for (let next = index + 1; next <= index + ahead && next < ids.length; next++) start(next);
    const png = started.get(key)!;
    started.delete(key);
    return png;
  };
}
