/**
 * Search page behaviour: reads ?q=, queries the Pagefind index (loaded on demand
 * from <base>pagefind/pagefind.js), and lists title, category, date and the
 * highlighted excerpt of each hit. The URL follows the query, so results can be
 * shared and the back button works.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
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
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta['title'] ?? result.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search__meta';
  meta.textContent = [result.meta['category'], result.meta['date']].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search__excerpt';
  // Pagefind's excerpt is escaped text with <mark> around the hits.
  excerpt.innerHTML = result.excerpt;
  item.append(heading, meta, excerpt);
  return item;
}

export function startSearchPage(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  let latest = 0;

  async function run(query: string): Promise<void> {
    const ticket = ++latest;
    const trimmed = query.trim();
    if (trimmed === '') {
      list.replaceChildren();
      status.textContent = '输入关键词开始搜索。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const api = await loadPagefind();
      const found = await api.search(trimmed);
      if (found === null || ticket !== latest) return;
      const data = await Promise.all(found.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...data.map(resultItem));
      status.textContent = found.results.length === 0 ? `没有找到与“${trimmed}”相关的文章。` : `找到 ${found.results.length} 篇相关文章。`;
    } catch (error) {
      console.error('search failed:', error);
      status.textContent = '搜索索引加载失败：请先运行 npm run build 生成索引。';
    }
  }

  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
      void run(input.value);
    }, 150);
  });
  root.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  void run(input.value);
}
