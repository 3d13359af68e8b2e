/**
 * Vite plugin for KaTeX's stylesheet, applied before Vite sees it:
 * - each font is listed as woff2, woff and ttf; every browser the site supports
 *   reads woff2, so only the woff2 files are kept (and copied into the build);
 * - `font-display: block` hides a formula's text until its font arrives; `swap`
 *   shows it at once in a fallback font, so the page's first paint is not held up.
 */
import type { Plugin } from 'vite';

const LEGACY_FONT_SOURCES = /,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g;

export function katexFontsWoff2Only(): Plugin {
  return {
    name: 'katex-fonts-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(?:\.min)?\.css(?:\?|$)/.test(id)) return null;
      return {
        code: code.replace(LEGACY_FONT_SOURCES, '').replace(/font-display:\s*block/g, 'font-display:swap'),
        map: null,
      };
    },
  };
}
