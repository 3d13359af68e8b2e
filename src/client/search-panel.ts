/**
 * Search behaviour for a [data-search-panel]: queries the Pagefind index (loaded
 * on first use from <base>pagefind/pagefind.js), optionally filtered by category,
 * and lists title, category, date and Pagefind's highlighted excerpt per hit.
 * With data-sync-url the query lives in the page URL (?q=…&category=…).
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const RESULTS_SHOWN = 20;
let pagefind: Promise<PagefindApi> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (api: PagefindApi) => {
    await api.options({ baseUrl: base });
    return api;
  });
  return pagefind;
}

function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  const title = document.createElement('span');
  title.className = 'search-result__title';
  title.textContent = result.meta['title'] ?? result.url;
  const meta = document.createElement('span');
  meta.className = 'search-result__meta';
  meta.textContent = [result.meta['category'], result.meta['date']].filter(Boolean).join(' · ');
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result__excerpt';
  // Pagefind's excerpt is escaped text with <mark> around the hits.
  excerpt.innerHTML = result.excerpt;
  link.append(title, meta, excerpt);
  item.append(link);
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
      const filters = category.value ? { filters: { category: category.value } } : {};
      const found = await api.search(query, filters);
      if (found === null || ticket !== latest) return;
      const data = await Promise.all(found.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...data.map(resultItem));
      status.textContent = found.results.length === 0 ? `没有找到与“${query}”相关的文章。` : `找到 ${found.results.length} 篇相关文章。`;
    } catch (error) {
      console.error('search failed:', error);
      status.textContent = '搜索索引加载失败：请先运行 npm run build 生成索引。';
    }
  }

  if (syncUrl) {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get('q') ?? '';
    category.value = params.get('category') ?? '';
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  category.addEventListener('change', () => void run());
  panel.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // Arrow down from the box moves into the results (Tab works too).
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = list.querySelector('a');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  void run();
  return { focus: () => input.focus() };
}
