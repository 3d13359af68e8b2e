/** Metadata that describes a post to link previews and search engines. */

export interface ArticleMeta {
  published: Date;
  modified: Date;
  section: string;
  tags: string[];
}

export interface BlogPostingInput {
  title: string;
  description: string;
  url: string;
  image?: string | undefined;
  article: ArticleMeta;
  siteName: string;
  siteUrl: string;
  author: string;
  lang: string;
}

/** schema.org BlogPosting for a post's JSON-LD block. */
export function blogPostingJsonLd(input: BlogPostingInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: input.title,
    description: input.description,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    ...(input.image ? { image: input.image } : {}),
    datePublished: input.article.published.toISOString(),
    dateModified: input.article.modified.toISOString(),
    articleSection: input.article.section,
    keywords: input.article.tags.join(', '),
    inLanguage: input.lang,
    author: { '@type': 'Person', name: input.author },
    publisher: { '@type': 'Organization', name: input.siteName, url: input.siteUrl },
  };
}
