/**
 * The "#" after each heading still goes to its section, and now also copies the
 * section's address, saying so next to the "#" and to screen readers (one polite
 * live region). Enter on a focused "#" is a click, so it works by keyboard too.
 */
export function bindHeadingLinks(): void {
  const anchors = document.querySelectorAll<HTMLAnchorElement>('.prose .heading-anchor');
  if (anchors.length === 0 || !navigator.clipboard) return;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  document.body.append(status);
  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const anchor of anchors) {
    anchor.title = '复制本节链接';
    anchor.addEventListener('click', () => {
      navigator.clipboard.writeText(anchor.href).then(
        () => {
          for (const other of anchors) delete other.dataset['copied'];
          anchor.dataset['copied'] = '';
          status.textContent = '已复制本节链接';
          clearTimeout(timer);
          timer = setTimeout(() => {
            delete anchor.dataset['copied'];
            status.textContent = '';
          }, 2000);
        },
        () => undefined, // no clipboard permission: the link still goes to the section
      );
    });
  }
}
