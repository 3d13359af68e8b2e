/** Copy buttons on code blocks: revealed when this runs, they copy the code and say "已复制". */
export function bindCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-code]')) {
    button.hidden = false;
    button.setAttribute('aria-live', 'polite');
    button.addEventListener('click', async () => {
      const code = button.closest('.code-block')?.querySelector('pre')?.innerText ?? '';
      try {
        await navigator.clipboard.writeText(code);
        button.textContent = '已复制';
      } catch {
        button.textContent = '复制失败';
      }
      setTimeout(() => (button.textContent = '复制'), 2000);
    });
  }
}
