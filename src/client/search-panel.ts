/**
 * Search behaviour for a [data-search-panel]: queries the Pagefind index (loaded
 * on first use from <base>pagefind/pagefind.js) through searchPosts (the query cut
 * into words as the index is, phrase hits first), optionally filtered by category,
 * and lists per post its title, category, date and excerpt, and links to the
 * sections that match. With data-sync-url the query lives in the page URL
 * (?q=…&category=…). Keys: ↑/↓ move through every result link and back to the box,
 * Enter in the box opens the first result; Esc closes the dialog (search-dialog.ts).
 */
import { displayText, prepareQuery, SEARCH_RANKING, searchPosts, type Hit, type PagefindApi } from './search-query.ts';

interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Loads the index chunks a search for these words will read. */
  preload(query: string): Promise<void>;
}

/** How long typing must pause before the query is searched. */
const SEARCH_DEBOUNCE_MS = 100;
/** Sections listed under a post. */
const SECTIONS_SHOWN = 3;
let pagefind: Promise<PagefindModule> | undefined;

function loadPagefind(): Promise<PagefindModule> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (api: PagefindModule) => {
    await api.options({ baseUrl: base, ranking: SEARCH_RANKING });
    // Pagefind takes the language of its index from <html lang>, and for zh-CN cuts the
    // query again with a segmenter of its own, which would undo the search segmenter's
    // words. The index is in the language it does not segment (pagefind-index.ts), so it
    // is told that one: <html lang> changes only for the synchronous start of init().
    const html = document.documentElement;
    const lang = html.lang;
    html.lang = 'und';
    const started = api.init();
    html.lang = lang;
    await started;
    return api;
  });
  // An index that could not be loaded (the dev server still loading posts, a lost
  // connection) is asked for again by the next search.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** Pagefind's excerpt (escaped text with <mark> around the hits), as readable Chinese. */
function excerpt(className: string, html: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.innerHTML = displayText(html);
  return element;
}

function resultItem({ data }: Hit): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.className = 'search-result__link';
  const meta = [data.meta['category'], data.meta['date']].filter(Boolean).join(' · ');
  link.append(
    span('search-result__title', displayText(data.meta['title'] ?? data.url)),
    span('search-result__meta', meta),
    excerpt('search-result__excerpt', data.excerpt),
  );
  item.append(link);
  // Sections of the post where the words are, each linking to its heading.
  const sections = data.sub_results.filter((sub) => sub.url.includes('#')).slice(0, SECTIONS_SHOWN);
  if (sections.length > 0) {
    const list = document.createElement('ul');
    list.className = 'search-result__sections';
    list.setAttribute('aria-label', '相关小节');
    for (const sub of sections) {
      const entry = document.createElement('li');
      const subLink = document.createElement('a');
      subLink.href = sub.url;
      subLink.append(span('search-result__section', displayText(sub.title)));
      // The post's excerpt often is this section's: it is not shown twice.
      if (sub.excerpt !== data.excerpt) subLink.append(excerpt('search-result__excerpt', sub.excerpt));
      entry.append(subLink);
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/** What to try when nothing matched: a shorter query, or the categories. */
function suggestions(panel: HTMLElement, query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-panel__suggest';
  const words = query.split(/\s+/).filter(Boolean);
  const shorter =
    words.length > 1 ? words.slice(0, -1).join(' ') : [...query].length > 2 ? [...query].slice(0, 2).join('') : '';
  if (shorter !== '') {
    const link = document.createElement('a');
    link.href = `?q=${encodeURIComponent(shorter)}`;
    link.dataset['searchQuery'] = shorter;
    link.textContent = `搜索“${shorter}”`;
    item.append('试试更短的关键词：', link, '。');
  }
  const categories = panel.querySelectorAll<HTMLAnchorElement>('[data-search-categories] a');
  if (categories.length > 0) {
    const list = document.createElement('span');
    list.append('或按分类浏览：');
    categories.forEach((category, i) => {
      if (i > 0) list.append('、');
      list.append(category.cloneNode(true));
    });
    item.append(list);
  }
  return item;
}

export function bindSearchPanel(panel: HTMLElement): { focus(): void } {
  const input = panel.querySelector<HTMLInputElement>('input[name="q"]')!;
  const category = panel.querySelector<HTMLSelectElement>('select[name="category"]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const list = panel.querySelector<HTMLOListElement>('[data-search-results]')!;
  const syncUrl = panel.dataset['syncUrl'] === 'true';
  let latest = 0;

  async function run(): Promise<void> {
    const ticket = ++latest;
    const query = input.value.trim();
    if (syncUrl) {
      const url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      if (category.value) url.searchParams.set('category', category.value);
      else url.searchParams.delete('category');
      history.replaceState(null, '', url);
    }
    if (query === '') {
      list.replaceChildren();
      status.textContent = '输入关键词开始搜索（可按分类筛选）。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const api = await loadPagefind();
      const hits = await searchPosts(api, query, category.value ? { category: category.value } : undefined);
      if (ticket !== latest) return;
      if (hits.length === 0) {
        list.replaceChildren(suggestions(panel, query));
        status.textContent = `没有找到与“${query}”相关的文章。`;
        return;
      }
      list.replaceChildren(...hits.map(resultItem));
      status.textContent = `找到 ${hits.length} 篇相关文章。`;
    } catch (error) {
      console.error('search failed:', error);
      status.textContent = '搜索索引没有加载成功，请稍后再搜一次。';
    }
  }

  if (syncUrl) {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get('q') ?? '';
    category.value = params.get('category') ?? '';
  }
  // The index starts loading when the reader comes to the box, not after the first word:
  // the first result then waits for the search alone.
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // A search waits for a pause in typing. 100 ms skips the keys of a burst; a reader
    // typing Chinese commits whole words through the input method, far less often.
    timer = setTimeout(() => void run(), SEARCH_DEBOUNCE_MS);
    // The words' index chunks load while the reader pauses, not after.
    const words = prepareQuery(input.value);
    if (words !== '')
      void loadPagefind()
        .then((api) => api.preload(words))
        .catch(() => undefined);
  });
  category.addEventListener('change', () => void run());
  panel.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    // Enter opens the first result once the results for this query are shown.
    void run().then(() => {
      const first = list.querySelector<HTMLAnchorElement>('a.search-result__link');
      if (first) window.location.assign(first.href);
    });
  });
  // A suggested shorter query runs in place.
  list.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-query]');
    if (!link) return;
    event.preventDefault();
    input.value = link.dataset['searchQuery'] ?? '';
    input.focus();
    void run();
  });
  // ↑/↓ move through every link of the results; ↑ from the first goes back to the box.
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement !== input && at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
    if (next < 0) input.focus();
    else links[next]!.focus();
  });
  void run();
  return { focus: () => input.focus() };
}
