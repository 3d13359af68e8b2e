/**
 * The markup of the MDX writing components, defined once: the fast MDX renderer
 * (fast-mdx.ts) puts these trees into a post, and the Astro components that
 * @astrojs/mdx renders (src/components/mdx/Callout.astro, Derivation.astro,
 * PaperCard.astro) print them through renderHastComponent. <Figure> is not
 * here: it needs an imported image and Astro's <Image>.
 */
import type { ElementContent, Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { calloutTitle, isCalloutKind, paperLinks, paperVenue, type MdxComponentName } from '../../lib/writing-blocks.ts';

export type Props = Record<string, unknown>;
type Component = (props: Props, children: ElementContent[]) => Element;

/** A prop as the text Astro would print for it (undefined when absent). */
function textProp(props: Props, name: string): string | undefined {
  const value = props[name];
  return value === undefined || value === null ? undefined : String(value);
}

const Callout: Component = (props, children) => {
  const type = textProp(props, 'type') ?? 'note';
  if (!isCalloutKind(type)) throw new Error(`<Callout type="${type}">: type must be note, tip or warning`);
  return h('aside', { className: ['callout', `callout--${type}`], role: 'note' }, [
    h('p', { className: ['callout__title'] }, textProp(props, 'title') ?? calloutTitle(type)),
    ...children,
  ]);
};

const Derivation: Component = (props, children) =>
  h('details', { className: ['derivation'] }, [
    h('summary', textProp(props, 'title') ?? '展开推导'),
    h('div', { className: ['derivation__body'] }, children),
  ]);

const PaperCard: Component = (props) => {
  const title = textProp(props, 'title') ?? '';
  const authors = textProp(props, 'authors');
  const links = paperLinks({ arxiv: textProp(props, 'arxiv'), doi: textProp(props, 'doi'), url: textProp(props, 'url') });
  const venue = paperVenue(textProp(props, 'venue'), textProp(props, 'year'));
  return h('aside', { className: ['paper-card'], ariaLabel: `论文：${title}` }, [
    h('p', { className: ['paper-card__kicker'] }, '论文'),
    h('p', { className: ['paper-card__title'] }, h('cite', title)),
    ...(authors ? [h('p', { className: ['paper-card__authors'] }, authors)] : []),
    ...(venue ? [h('p', { className: ['paper-card__venue'] }, venue)] : []),
    ...(links.length > 0
      ? [h('p', { className: ['paper-card__links'] }, links.flatMap((link, i) => [...(i > 0 ? [' · '] : []), h('a', { href: link.href }, link.text)]))]
      : []),
  ]);
};

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
