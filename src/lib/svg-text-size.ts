/**
 * The narrowest width (CSS px) a text-heavy SVG diagram can be shown at with its
 * smallest text still MIN_TEXT_PX tall, or undefined when it is not text-heavy, or
 * fits any phone column at that size anyway. Font sizes are read from CSS
 * (`font-size: 12.5px`) and attributes (`font-size="12"`) in the drawing's own units,
 * which the viewBox maps to the displayed width.
 *
 * Text-heavy: at least TEXT_HEAVY characters of <text> per 100 × 100 units of the
 * drawing. In the twelve posts that separates the diagrams whose labels and code
 * carry the meaning (flow charts: 7–15) from plots with axis ticks and a few labels
 * (2–5), which read well enough scaled down and are better seen whole.
 */

/** Smaller than this, code and labels in a figure are not read (the smallest text of the site is 13 px). */
export const MIN_TEXT_PX = 10;

/** Characters of text per 10,000 square units from which a diagram is text-heavy. */
export const TEXT_HEAVY = 6;

/** A column no phone is narrower than: a diagram that needs no more is left to shrink. */
const NARROWEST_COLUMN_PX = 320;

const number = (text: string | undefined) => (text === undefined ? NaN : Number.parseFloat(text));

/** Characters of the drawing's text, markup (<tspan>) and entities counted as what they show. */
function textLength(svg: string): number {
  let length = 0;
  for (const [, inner] of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    length += [
      ...inner!
        .replace(/<[^>]+>/g, '')
        .replace(/&[^;\s]+;/g, '_')
        .trim(),
    ].length;
  }
  return length;
}

export function diagramMinWidth(svg: string): number | undefined {
  if (!/<text\b/.test(svg)) return undefined;
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const viewBox = /\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(root);
  const widthAttribute = number(/\swidth="([\d.]+)(?:px)?"/.exec(root)?.[1]);
  const heightAttribute = number(/\sheight="([\d.]+)(?:px)?"/.exec(root)?.[1]);
  const drawingWidth = viewBox ? number(viewBox[1]) : widthAttribute;
  const drawingHeight = viewBox ? number(viewBox[2]) : heightAttribute;
  if (!(drawingWidth > 0) || !(drawingHeight > 0)) return undefined;
  if ((textLength(svg) * 10_000) / (drawingWidth * drawingHeight) < TEXT_HEAVY) return undefined;
  // Shown at its width attribute when it has one (Astro writes it on the <img>), else at the viewBox's.
  const naturalWidth = Number.isFinite(widthAttribute) ? widthAttribute : drawingWidth;
  const sizes = [...svg.matchAll(/font-size\s*(?::\s*|=\s*["'])([\d.]+)(?:px)?/g)].map((match) => number(match[1]));
  const declared = sizes.filter((size) => size > 0);
  // Text without a size of its own is drawn at the browser's default, 16 px.
  const smallest = declared.length > 0 ? Math.min(...declared) : 16;
  const minWidth = Math.min(naturalWidth, Math.ceil((drawingWidth * MIN_TEXT_PX) / smallest));
  return minWidth > NARROWEST_COLUMN_PX ? minWidth : undefined;
}
