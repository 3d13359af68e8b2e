/**
 * The theme toggle: flips between light and dark from whatever is showing now
 * (the saved choice or the system's), saves the choice, and keeps the button's
 * state in aria-pressed ("dark on"). Shown only when this script runs.
 */
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function effectiveTheme(): 'light' | 'dark' {
  const chosen = root.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}

function reflect(button: HTMLButtonElement): void {
  const theme = effectiveTheme();
  root.dataset['effectiveTheme'] = theme;
  button.setAttribute('aria-pressed', String(theme === 'dark'));
}

export function bindThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  button.hidden = false;
  reflect(button);
  systemDark.addEventListener('change', () => reflect(button));
  button.addEventListener('click', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    reflect(button);
  });
}
