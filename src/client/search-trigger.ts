/**
 * Opens the search dialog from the header trigger, "/" (outside text fields) or
 * Ctrl/⌘+K. Kept tiny: the dialog's code and the Pagefind index are fetched
 * only when it is first opened.
 */
function isTypingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function openDialog(): void {
  void import('./search-dialog.ts').then((module) => module.openSearchDialog());
}

export function bindSearchTriggers(): void {
  for (const trigger of document.querySelectorAll('[data-search-trigger]')) {
    trigger.addEventListener('click', (event) => {
      event.preventDefault();
      openDialog();
    });
  }
  document.addEventListener('keydown', (event) => {
    const slash = event.key === '/' && !isTypingIn(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey;
    const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    if (!slash && !commandK) return;
    event.preventDefault();
    openDialog();
  });
}
