/** The search dialog: a native modal <dialog> (focus is kept inside, Esc closes it). */
import { bindSearchPanel } from './search-panel.ts';

let panel: { focus(): void } | undefined;

export function openSearchDialog(): void {
  const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');
  if (!dialog) return;
  if (!panel) {
    panel = bindSearchPanel(dialog.querySelector<HTMLElement>('[data-search-panel]')!);
    dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
    // Escape closes the dialog from any control inside it (a focused <select> may keep it otherwise).
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') dialog.close();
    });
    // A click on the backdrop (outside the dialog box) closes it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }
  if (!dialog.open) dialog.showModal();
  panel.focus();
}
