/**
 * Whether an image URL names a file relative to the post (`fig.png`, `./fig.png`,
 * `../img/fig.png`), which the build resolves and optimises like Astro does for
 * Markdown images; root paths (`/images/x.png`, served from public/), URLs with a
 * scheme, protocol-relative URLs and fragments are left as written.
 */
export function isRelativeImagePath(url: string): boolean {
  return url !== '' && !/^([a-z][a-z\d+.-]*:|\/|#)/i.test(url);
}
