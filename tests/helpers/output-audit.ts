/**
 * An audit of a built site's files, for every site the tests build:
 * `auditSite(dir)` lists what is wrong (empty when nothing is).
 *
 * - Every HTML page passes html-validate with tests/html-validate.json: the
 *   `html-validate:recommended` rules, except where the site's markup is right
 *   on purpose (JSON has no comments, so the reasons are here):
 *   - no-inline-style allows the properties KaTeX sets in style="" (sizes,
 *     margins and positions of glyphs, \color, \colorbox, \fbox, …; the list is
 *     every `.style.*` KaTeX assigns) and CSS variables plus overflow-x, which is
 *     how Shiki gives code its light and dark colours. Any other inline style is
 *     still an error.
 *   - valid-id is relaxed to HTML's own rule (non-empty, no whitespace): heading
 *     ids are made from Chinese heading text and may start with a digit
 *     ("11-卷积在做什么"); the strict mode only serves CSS-selector convenience.
 *   - align on <td>/<th> is not reported as deprecated: GFM table alignment
 *     (`| :-: |`) is written that way by mdast-util-to-hast, and browsers honour
 *     it. (Removing it needs a rehype step in the Markdown pipeline that turns
 *     align into a class or style; then this exception can go.)
 *   - long-title is off: a page title is the post's title plus the site name;
 *     its length is the author's choice, not a markup error.
 *   - wcag/h32 (a form needs a submit button) is off: the search forms search as
 *     the reader types; Enter submits the one text field implicitly and the
 *     submit handler runs the search.
 * - Every .xml file is well-formed for a strict XML 1.0 parser (fast-xml-parser's
 *   XMLValidator, plus the character rules it does not check).
 * - No control character (C0 other than tab, LF and CR; DEL; C1), raw or as a
 *   character reference, in any HTML or XML file, and every such file is UTF-8.
 * - Every URL in the feeds and sitemaps (links, guids, enclosures, locs, and the
 *   href/src/srcset inside feed HTML) is ASCII.
 * - Every JSON-LD block parses as JSON and holds no raw "<" (so no text in it can
 *   close the <script> element).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { projectRoot } from './build.ts';
import { listFiles } from './site.ts';

/** At most this many html-validate messages per site are listed (then a count). */
const MAX_HTML_MESSAGES = 40;

let validator: HtmlValidate | undefined;
function htmlValidator(): HtmlValidate {
  if (!validator) {
    const config = JSON.parse(readFileSync(join(projectRoot, 'tests', 'html-validate.json'), 'utf8')) as ConfigData;
    validator = new HtmlValidate(new StaticConfigLoader(config));
  }
  return validator;
}

/** XML 1.0 `Char`. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** C0 controls other than tab, LF and CR; DEL; C1 controls. */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;
const ASCII_URL = /^[\x21-\x7e]+$/;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Numeric character references in `text` with the code point each stands for. */
function characterReferences(text: string): { reference: string; code: number; index: number }[] {
  return [...text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);?/g)].map((match) => ({
    reference: match[0],
    code: match[1]!.startsWith('x') ? parseInt(match[1]!.slice(1), 16) : parseInt(match[1]!, 10),
    index: match.index,
  }));
}

function controlProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const raw = new RegExp(CONTROL.source, 'g');
  for (const match of text.matchAll(raw))
    problems.push(`${file}:${lineOf(text, match.index)}: control character ${codePoint(match[0])}`);
  for (const { reference, code, index } of characterReferences(text)) {
    if (code > 0x10ffff || CONTROL.test(String.fromCodePoint(code)))
      problems.push(`${file}:${lineOf(text, index)}: reference ${reference} to a control character`);
  }
  return problems;
}

function xmlProblems(file: string, xml: string): string[] {
  const problems: string[] = [];
  const validation = XMLValidator.validate(xml);
  if (validation !== true) problems.push(`${file}:${validation.err.line}: not well-formed XML: ${validation.err.msg}`);
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) problems.push(`${file}:${lineOf(xml, bad.index)}: ${codePoint(bad[0])} is not an XML 1.0 character`);
  for (const { reference, code, index } of characterReferences(xml)) {
    if (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code)))
      problems.push(`${file}:${lineOf(xml, index)}: reference ${reference} is not an XML 1.0 character`);
  }
  if (xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').includes(']]>'))
    problems.push(`${file}: "]]>" outside a CDATA section`);
  return problems;
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});
/** Elements whose text is a URL (RSS, Atom, sitemaps) and attributes that hold one. */
const URL_ELEMENTS = new Set(['link', 'guid', 'loc', 'url', 'comments', 'docs', 'id', 'uri', 'icon', 'logo']);
const URL_ATTRIBUTES = new Set(['@_href', '@_url', '@_src', '@_domain', '@_uri']);
/** Elements whose text is HTML (feed items). */
const HTML_ELEMENTS = new Set(['content:encoded', 'description', 'content', 'summary']);

function htmlUrls(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  const urls: string[] = [];
  $('[href]').each((_, el) => void urls.push($(el).attr('href')!));
  $('[src]').each((_, el) => void urls.push($(el).attr('src')!));
  $('[srcset]').each(
    (_, el) =>
      void urls.push(
        ...$(el)
          .attr('srcset')!
          .split(',')
          .map((candidate) => candidate.trim().split(/\s+/)[0]!)
          .filter(Boolean),
      ),
  );
  return urls;
}

/** Every URL named in a feed or sitemap. */
function xmlUrls(xml: string): string[] {
  const urls: string[] = [];
  const textOf = (value: unknown) =>
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && '#text' in value
        ? String(value['#text'])
        : undefined;
  const walk = (node: unknown, name: string) => {
    if (Array.isArray(node)) return void node.forEach((item) => walk(item, name));
    const text = textOf(node);
    const local = name.slice(name.indexOf(':') + 1);
    if (text !== undefined && URL_ELEMENTS.has(local)) urls.push(text.trim());
    if (text !== undefined && (HTML_ELEMENTS.has(name) || HTML_ELEMENTS.has(local))) urls.push(...htmlUrls(text));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (URL_ATTRIBUTES.has(key) && typeof value === 'string') urls.push(value.trim());
      else if (!key.startsWith('@_') && key !== '#text') walk(value, key);
    }
  };
  walk(xmlParser.parse(xml), '');
  return urls;
}

function jsonLdProblems(file: string, html: string): string[] {
  const problems: string[] = [];
  const $ = cheerio.load(html);
  $('script[type="application/ld+json"]').each((index, element) => {
    const text = $(element).html() ?? '';
    const where = `${file}: JSON-LD block ${index + 1}`;
    if (text.includes('<')) problems.push(`${where} holds a raw "<"`);
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null) problems.push(`${where} is not a JSON object`);
    } catch (error) {
      problems.push(`${where} is not JSON: ${(error as Error).message}`);
    }
  });
  return problems;
}

function htmlValidateProblems(file: string, html: string): string[] {
  const report = htmlValidator().validateStringSync(html, file);
  return report.results.flatMap((result) =>
    result.messages.map(
      (m) => `${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`,
    ),
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Everything wrong with the built site in `dir`, one line each; empty when it passes. */
export function auditSite(dir: string): string[] {
  const problems: string[] = [];
  const htmlMessages: string[] = [];
  for (const file of listFiles(dir)) {
    const isHtml = file.endsWith('.html');
    const isXml = file.endsWith('.xml');
    if (!isHtml && !isXml) continue;
    let text: string;
    try {
      text = utf8.decode(readFileSync(join(dir, file)));
    } catch {
      problems.push(`${file}: not UTF-8`);
      continue;
    }
    problems.push(...controlProblems(file, text));
    if (isHtml) {
      htmlMessages.push(...htmlValidateProblems(file, text));
      problems.push(...jsonLdProblems(file, text));
    } else {
      const xmlIssues = xmlProblems(file, text);
      problems.push(...xmlIssues);
      if (xmlIssues.length === 0) {
        for (const url of xmlUrls(text)) if (!ASCII_URL.test(url)) problems.push(`${file}: URL is not ASCII: ${url}`);
      }
    }
  }
  problems.push(...htmlMessages.slice(0, MAX_HTML_MESSAGES));
  if (htmlMessages.length > MAX_HTML_MESSAGES)
    problems.push(`… and ${htmlMessages.length - MAX_HTML_MESSAGES} more html-validate messages`);
  return problems;
}
