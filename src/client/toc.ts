/**
 * Table of contents: opens it on wide screens (where it is a side panel) and
 * marks the link of the section being read with aria-current="true".
 */
export function bindTableOfContents(): void {
  const toc = document.querySelector<HTMLElement>('[data-toc]');
  if (!toc) return;
  const details = toc.querySelector('details')!;
  const wide = window.matchMedia('(min-width: 72rem)');
  const syncOpen = () => {
    if (wide.matches) details.open = true;
  };
  syncOpen();
  wide.addEventListener('change', syncOpen);
  // "目录" from deep in a post (ReadingAids) lands on the TOC: open it there.
  const openOnArrival = () => {
    if (decodeURIComponent(location.hash) === `#${toc.id}`) details.open = true;
  };
  openOnArrival();
  window.addEventListener('hashchange', openOnArrival);

  const links = new Map<Element, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target) links.set(target, link);
  }
  const visible = new Set<Element>();
  const headings = [...links.keys()];
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      // The current section: the first heading on screen, else the last one above it.
      const current =
        headings.find((heading) => visible.has(heading)) ??
        headings.filter((heading) => heading.getBoundingClientRect().top < 0).at(-1);
      for (const [heading, link] of links) {
        if (heading === current) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      }
    },
    { rootMargin: '0px 0px -60% 0px' },
  );
  headings.forEach((heading) => observer.observe(heading));
}
