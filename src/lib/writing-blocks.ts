/**
 * The writing blocks, defined once: their rules and their markup, used by the
 * Markdown directives (src/markdown/remark-writing-blocks.ts, an mdast tree) and the
 * MDX components (src/content/renderers/mdx-components-hast.ts, a hast tree), so
 * both give the same HTML.
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

/**
 * How a block's markup is built into the tree it goes into: hast elements for the MDX
 * components, mdast nodes that carry the element's name for the Markdown directives.
 */
export interface MarkupBuilder<N> {
  /** Properties as hast names them (className, ariaLabel, href). */
  element(tag: string, properties: Record<string, string | string[]>, children: N[]): N;
  text(value: string): N;
}

/** A callout; `title` is the author's (Markdown or MDX children), else the kind's default. */
export function calloutMarkup<N>(build: MarkupBuilder<N>, kind: CalloutKind, title: N[] | undefined, body: N[]): N {
  return build.element('aside', { className: ['callout', `callout--${kind}`], role: 'note' }, [
    build.element('p', { className: ['callout__title'] }, title ?? [build.text(calloutTitle(kind))]),
    ...body,
  ]);
}

/** A derivation the reader opens: a <details> with the author's title, else 展开推导. */
export function derivationMarkup<N>(build: MarkupBuilder<N>, title: N[] | undefined, body: N[]): N {
  return build.element('details', { className: ['derivation'] }, [
    build.element('summary', {}, title ?? [build.text('展开推导')]),
    build.element('div', { className: ['derivation__body'] }, body),
  ]);
}

export interface Paper extends PaperIds {
  title: string;
  authors?: string | undefined;
  venue?: string | undefined;
  year?: string | number | undefined;
}

/** A paper card: kicker, cited title, authors, venue and year, links. */
export function paperCardMarkup<N>(build: MarkupBuilder<N>, paper: Paper): N {
  const { element, text } = build;
  const links = paperLinks(paper);
  const venue = paperVenue(paper.venue, paper.year);
  return element('aside', { className: ['paper-card'], ariaLabel: `论文：${paper.title}` }, [
    element('p', { className: ['paper-card__kicker'] }, [text('论文')]),
    element('p', { className: ['paper-card__title'] }, [element('cite', {}, [text(paper.title)])]),
    ...(paper.authors ? [element('p', { className: ['paper-card__authors'] }, [text(paper.authors)])] : []),
    ...(venue ? [element('p', { className: ['paper-card__venue'] }, [text(venue)])] : []),
    ...(links.length > 0
      ? [
          element(
            'p',
            { className: ['paper-card__links'] },
            links.flatMap((link, i) => [
              ...(i > 0 ? [text(' · ')] : []),
              element('a', { href: link.href }, [text(link.text)]),
            ]),
          ),
        ]
      : []),
  ]);
}
