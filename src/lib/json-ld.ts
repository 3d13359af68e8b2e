/**
 * JSON-LD for a <script type="application/ld+json"> block. JSON.stringify alone
 * is not safe inside HTML: a title containing "</script>" would end the block.
 * Escaping <, >, & and the JS line separators as \uXXXX keeps the JSON equal and
 * the HTML inert.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
