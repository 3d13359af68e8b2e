/**
 * A link to a section (a search result's section, a contents entry from another page)
 * lands on its heading. The browser scrolls to the #fragment while the page is still
 * being laid out, and content above it that grows later (figures, formulas) pushes
 * the heading down; once the page has loaded it is brought back into view, unless the
 * reader has scrolled meanwhile.
 */
export function landOnFragment(): void {
  if (location.hash.length < 2) return;
  let readerScrolled = false;
  const mark = () => (readerScrolled = true);
  for (const type of ['wheel', 'touchstart', 'keydown']) addEventListener(type, mark, { once: true, passive: true });
  const land = () => {
    if (readerScrolled) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    // scroll-margin-top (1rem) is where a landed heading sits.
    if (target && Math.abs(target.getBoundingClientRect().top) > 24) target.scrollIntoView();
  };
  if (document.readyState === 'complete') land();
  else addEventListener('load', land, { once: true });
}
