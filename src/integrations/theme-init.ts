/**
 * The one inline script of the site (rendered by src/components/ThemeInit.astro):
 * applies a saved theme choice before the first paint. Its text lives only here,
 * next to its hash, so the Content-Security-Policy (src/integrations/csp.ts) always
 * allows exactly this script and nothing else inline.
 */
import { createHash } from 'node:crypto';

export const THEME_INIT_SCRIPT =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

/** CSP hash source of THEME_INIT_SCRIPT (without the quotes). */
export const THEME_INIT_HASH =
  `sha256-${createHash('sha256').update(THEME_INIT_SCRIPT, 'utf8').digest('base64')}` as const;
