/**
 * An element's HTML in a form where two renderings of the same DOM compare equal:
 * attributes sorted, entity spelling and quoting left to the serializer,
 * whitespace-only text between elements dropped, and `style` declarations
 * written one way (`a:b;c:d`). Used to compare a post rendered by Astro's MDX
 * compiler with the same post rendered by the fast MDX renderer.
 */
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

function canonicalStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim().replace(/\s*:\s*/, ':'))
    .filter(Boolean)
    .join(';');
}

function serialize(node: AnyNode): string {
  if (node.type === 'text')
    return node.data.trim() === '' ? '' : node.data.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (node.type === 'comment') return '';
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return '';
  const element = node as Element;
  const attributes = Object.entries(element.attribs)
    .map(([name, value]) => [name, name === 'style' ? canonicalStyle(value) : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  return `<${element.name}${attributes}>${element.children.map(serialize).join('')}</${element.name}>`;
}

/** The comparable HTML of the first element matching `selector` in a page. */
export function comparableHtml(page: string, selector: string): string {
  const $ = load(page);
  const element = $(selector).get(0);
  if (!element) throw new Error(`no element matches ${selector}`);
  return serialize(element);
}
