/**
 * Shared rules of the writing blocks, used by the Markdown directives
 * (src/markdown/remark-writing-blocks.ts) and the MDX components
 * (src/components/mdx/), so both give the same markup.
 */
/**
 * The components every MDX post may use without importing them. src/components/mdx/index.ts
 * must provide exactly these (checked by its type); the source checks accept them.
 */
export const MDX_COMPONENT_NAMES = ['Callout', 'Derivation', 'Figure', 'PaperCard'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

export const CALLOUT_TITLES = { note: '说明', tip: '提示', warning: '注意' } as const;
export type CalloutKind = keyof typeof CALLOUT_TITLES;

export function isCalloutKind(name: string): name is CalloutKind {
  return Object.hasOwn(CALLOUT_TITLES, name);
}

/** The title a callout shows when the author gives none. */
export function calloutTitle(kind: CalloutKind): string {
  return CALLOUT_TITLES[kind];
}

export interface PaperIds {
  arxiv?: string | undefined;
  doi?: string | undefined;
  url?: string | undefined;
}

/** Links of a paper card: arXiv abstract page, DOI resolver, or a plain URL. */
export function paperLinks(ids: PaperIds): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  const arxiv = ids.arxiv?.trim().replace(/^arxiv:/i, '');
  if (arxiv)
    links.push({
      href: `https://arxiv.org/abs/${encodeURIComponent(arxiv).replace(/%2F/g, '/')}`,
      text: `arXiv:${arxiv}`,
    });
  const doi = ids.doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//, '');
  if (doi)
    links.push({ href: `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`, text: `DOI:${doi}` });
  const url = ids.url?.trim();
  if (url && /^https?:\/\//.test(url)) links.push({ href: url, text: '链接' });
  return links;
}

/** "NeurIPS 2017", "2017", "NeurIPS" or "". */
export function paperVenue(venue: string | undefined, year: string | number | undefined): string {
  return [venue?.trim(), year === undefined ? '' : String(year).trim()].filter(Boolean).join(' ');
}
