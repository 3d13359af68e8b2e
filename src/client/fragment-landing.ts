/**
 * A link to a section (a search result's section, a contents entry from another page)
 * lands on its heading. The browser scrolls to the #fragment while the page is still
 * being laid out, and content above it that grows later (a lazily loaded figure,
 * formulas once their fonts are in) pushes the heading down, 400 px on the DDP post.
 * While the page settles, each change of its height brings the heading back into view,
 * until the reader scrolls or types, or a few seconds have passed.
 */
const SETTLING_MS = 5000;

export function landOnFragment(): void {
  if (location.hash.length < 2) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  const land = () => {
    // scroll-margin-top (1rem) is where a landed heading sits.
    if (Math.abs(target.getBoundingClientRect().top) > 24) target.scrollIntoView();
  };
  const observer = new ResizeObserver(land);
  const stop = () => observer.disconnect();
  observer.observe(document.body);
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown'])
    addEventListener(type, stop, { once: true, passive: true });
  setTimeout(stop, SETTLING_MS);
}
