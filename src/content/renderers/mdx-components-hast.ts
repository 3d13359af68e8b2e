/**
 * The MDX writing components as hast, with the markup of src/lib/writing-blocks.ts: the fast MDX renderer
 * (fast-mdx.ts) puts these trees into a post, and the Astro components that
 * @astrojs/mdx renders (src/components/mdx/Callout.astro, Derivation.astro,
 * PaperCard.astro) print them through renderHastComponent. <Figure> is not
 * here: it needs an imported image and Astro's <Image>.
 */
import type { ElementContent, Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import {
  calloutMarkup,
  derivationMarkup,
  isCalloutKind,
  paperCardMarkup,
  type MarkupBuilder,
  type MdxComponentName,
} from '../../lib/writing-blocks.ts';

export type Props = Record<string, unknown>;
type Component = (props: Props, children: ElementContent[]) => Element;

/** The markup of src/lib/writing-blocks.ts as hast. */
const hast: MarkupBuilder<ElementContent> = {
  element: (tag, properties, children) => h(tag, properties, children),
  text: (value) => ({ type: 'text', value }),
};

/** A prop as the text Astro would print for it (undefined when absent). */
function textProp(props: Props, name: string): string | undefined {
  const value = props[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** A prop that is text (a title) as the children the markup expects. */
const textChildren = (value: string | undefined): ElementContent[] | undefined =>
  value === undefined ? undefined : [hast.text(value)];

const Callout: Component = (props, children) => {
  const type = textProp(props, 'type') ?? 'note';
  if (!isCalloutKind(type)) throw new Error(`<Callout type="${type}">: type must be note, tip or warning`);
  return calloutMarkup(hast, type, textChildren(textProp(props, 'title')), children) as Element;
};

const Derivation: Component = (props, children) =>
  derivationMarkup(hast, textChildren(textProp(props, 'title')), children) as Element;

const PaperCard: Component = (props) =>
  paperCardMarkup(hast, {
    title: textProp(props, 'title') ?? '',
    authors: textProp(props, 'authors'),
    venue: textProp(props, 'venue'),
    year: textProp(props, 'year'),
    arxiv: textProp(props, 'arxiv'),
    doi: textProp(props, 'doi'),
    url: textProp(props, 'url'),
  }) as Element;

/** The components a fast-rendered MDX post may use, by name. */
export const hastComponents: Readonly<Record<string, Component>> = {
  Callout,
  Derivation,
  PaperCard,
} satisfies Partial<Record<MdxComponentName, Component>>;

/** A component as HTML, around children already rendered to HTML (an Astro slot). */
export function renderHastComponent(name: keyof typeof hastComponents & string, props: Props, childrenHtml: string): string {
  const component = hastComponents[name]!;
  const children: ElementContent[] = childrenHtml === '' ? [] : [{ type: 'raw', value: childrenHtml } as unknown as ElementContent];
  return toHtml(component(props, children), { allowDangerousHtml: true });
}
