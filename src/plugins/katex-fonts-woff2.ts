/**
 * Vite plugin: KaTeX's stylesheet lists each font as woff2, woff and ttf. Every
 * browser the site supports reads woff2, so the other two are removed before
 * Vite sees the CSS: only the woff2 files are copied into the build.
 */
import type { Plugin } from 'vite';

const LEGACY_FONT_SOURCES = /,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g;

export function katexFontsWoff2Only(): Plugin {
  return {
    name: 'katex-fonts-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(?:\.min)?\.css(?:\?|$)/.test(id)) return null;
      return { code: code.replace(LEGACY_FONT_SOURCES, ''), map: null };
    },
  };
}
