/**
 * The site's Content-Security-Policy, defined once for both places it is sent:
 *
 * - `astroCsp` is Astro's `security.csp` (astro.config.mjs). Every page gets a
 *   <meta http-equiv="content-security-policy">; Astro fills script-src and
 *   style-src with 'self' plus the hashes of the scripts and stylesheets it
 *   bundled, and appends the directives below.
 * - `headerPolicy()` is the same policy as an HTTP header (public/_headers, kept
 *   equal to it by tests/e2e/csp.test.ts). It carries no per-build hashes (every
 *   Astro script is a file under /_astro/, allowed by 'self'; for the inlined
 *   stylesheet see style-src below) and adds what a <meta> policy cannot express:
 *   frame-ancestors.
 *
 * What each source allows, and nothing else is allowed:
 * - script-src 'self': Astro's bundled scripts (/_astro/*.js) and Pagefind's
 *   pagefind.js, imported on demand; the theme script by its hash (the only
 *   inline script; no inline event handlers, no javascript: URLs, no eval).
 * - script-src 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search
 *   engine (in its worker, or on the main thread when the worker fails).
 * - style-src: each page's stylesheet is inlined (build.inlineStylesheets) as one
 *   <style>, allowed in the <meta> by the hash Astro computes for it. The header
 *   cannot know a build's hashes, so there style-src is 'self' 'unsafe-inline';
 *   a browser enforces both policies, so a <style> must still match a hash of
 *   the page's <meta> (every page has one) to apply.
 * - style-src-attr 'unsafe-inline': KaTeX sizes and positions glyphs, and Shiki
 *   sets its light/dark colour variables, with style="" attributes. Attributes
 *   only: <style> elements still need 'self' or a hash.
 * - img-src 'self': favicon and post figures. font-src 'self': the self-hosted
 *   KaTeX and text fonts. connect-src 'self': Pagefind's index, fragments and
 *   .wasm. worker-src 'self': Pagefind's pagefind-worker.js.
 * - default-src 'none', object-src 'none', frame-src 'none': nothing else is
 *   loaded or embedded; base-uri 'self' and form-action 'self' stop injected
 *   <base> or <form> elements from pointing elsewhere.
 */
import type { AstroUserConfig } from 'astro';
import { THEME_INIT_HASH } from './theme-init.ts';

type AstroCsp = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;

/** Directives besides script-src and style-src, the same in the <meta> and the header. */
const DIRECTIVES = [
  "default-src 'none'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

export const astroCsp: AstroCsp = {
  algorithm: 'SHA-256',
  directives: [...DIRECTIVES],
  scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: [THEME_INIT_HASH] },
  // style-src keeps Astro's default ('self' and its hashes); only attributes are widened.
  styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
};

/** The policy for the Content-Security-Policy HTTP header (public/_headers). */
export function headerPolicy(): string {
  return [
    ...DIRECTIVES,
    `script-src ${SCRIPT_SOURCES.join(' ')} '${THEME_INIT_HASH}'`,
    // Only together with each page's <meta>, whose hashes pin the inlined <style> (see above).
    "style-src 'self' 'unsafe-inline'",
    "style-src-attr 'unsafe-inline'",
    // Only a header can forbid framing (a <meta> policy ignores frame-ancestors).
    "frame-ancestors 'none'",
  ].join('; ');
}
