/**
 * Rewrites the constructs other tools use for things this blog has, line by
 * line (fenced code is left alone), and lists what it did with line numbers of
 * the source file:
 * - Hexo: {% codeblock %} → fence, {% asset_img %} → image, {% note %} → :::note;
 * - Hugo: {{< figure >}} → image, {{< ref >}}/{{< relref >}} → post link,
 *   {{< highlight >}} → fence;
 * - Obsidian: ![[image.png]] → image, [[note]] / [[note|text]] → post link,
 *   > [!note] callouts → :::note;
 * - docsify / VuePress: ::: tip containers → :::tip;
 * - every tool: a raw-HTML caption right under an image (<center>…</center>,
 *   <p align="center">…</p>, <div align=center>…</div>) becomes the image's caption;
 *   links to other posts' .md files → /posts/<slug>/; images are collected to be
 *   copied beside the post.
 * A construct of another tool that is not converted is left as written and listed.
 */

export interface ImageRef {
  /** As written in the source. */
  written: string;
  /** How the importer should look for it: relative to the post, from the site root, or by name in the vault. */
  lookup: 'relative' | 'root' | 'vault' | 'hexo-asset';
}

export interface ConvertContext {
  /** The slug an imported post will have, from a file name, path or title; undefined if it is not imported. */
  slugOf(reference: string): string | undefined;
  /** Registers an image to copy; returns the path to write in the post (./name). */
  image(ref: ImageRef, line: number): string;
}

export interface Converted {
  body: string;
  conversions: { line: number; what: string }[];
  leftAlone: { line: number; what: string }[];
}

const CALLOUT_KINDS: Record<string, 'note' | 'tip' | 'warning'> = {
  note: 'note',
  info: 'note',
  abstract: 'note',
  summary: 'note',
  quote: 'note',
  example: 'note',
  todo: 'note',
  default: 'note',
  primary: 'note',
  question: 'note',
  faq: 'note',
  help: 'note',
  details: 'note',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  danger: 'warning',
  error: 'warning',
  failure: 'warning',
  fail: 'warning',
  bug: 'warning',
};
const calloutKind = (name: string) => CALLOUT_KINDS[name.toLowerCase()] ?? 'note';

/** Attribute values of a Hugo shortcode or HTML tag: name="value", name='value', name=value. */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    out[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return out;
}

/** A line that is only an image: Markdown, or one raw <img> (perhaps in a centring <div>, <center> or <p>). */
function imageOnLine(line: string): { alt: string; src: string } | undefined {
  const markdown = /^!\[([^\]]*)\]\(([^)\s]+)\)$/.exec(line);
  if (markdown) return { alt: markdown[1]!, src: markdown[2]! };
  const html = /^(?:<(div|center|p)\b[^>]*>\s*)?(<img\b[^>]*>)\s*(?:<\/\1>)?$/i.exec(line);
  if (!html) return undefined;
  const { src, alt = '' } = attributes(html[2]!);
  return src ? { alt, src } : undefined;
}

const isExternal = (url: string) => /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
const escapeAlt = (text: string) => text.replace(/[[\]]/g, '');
const escapeTitle = (text: string) => text.replace(/"/g, '”');

export function convertConstructs(body: string, bodyLine: number, context: ConvertContext): Converted {
  const lines = body.split('\n');
  const conversions: Converted['conversions'] = [];
  const leftAlone: Converted['leftAlone'] = [];
  const out: string[] = [];
  let fence: string | undefined;
  /** An open block of another tool: what closes it and what to write instead. */
  let container: { close: RegExp; replacement: string } | undefined;
  let calloutDepth = false;
  /** Images with empty alt text, by index in `out` (a caption on the next line may still give them one). */
  const withoutAlt = new Map<number, { line: number; urls: string[] }>();

  const image = (written: string, lookup: ImageRef['lookup'], line: number) =>
    isExternal(written)
      ? written
      : context.image({ written, lookup: written.startsWith('/') && lookup === 'relative' ? 'root' : lookup }, line);

  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    const at = bodyLine + index;
    const trimmed = line.trim();

    if (fence !== undefined) {
      out.push(line);
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') fence = undefined;
      continue;
    }
    const fenceOpen = /^(`{3,}|~{3,})/.exec(trimmed);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      out.push(line);
      continue;
    }
    if (container && container.close.test(trimmed)) {
      out.push(container.replacement);
      container = undefined;
      continue;
    }

    // Obsidian callout: "> [!note] 标题" and the quoted lines under it.
    const callout = /^>\s*\[!(\w+)\][+-]?\s*(.*)$/.exec(trimmed);
    if (callout) {
      const title = callout[2]!.trim();
      out.push(`:::${calloutKind(callout[1]!)}${title ? `[${title}]` : ''}`);
      conversions.push({ line: at, what: `Obsidian callout [!${callout[1]}] → :::${calloutKind(callout[1]!)}` });
      calloutDepth = true;
      continue;
    }
    if (calloutDepth) {
      if (/^>/.test(trimmed)) {
        line = line.replace(/^\s*>\s?/, '');
      } else {
        out.push(':::');
        calloutDepth = false;
      }
    }

    // docsify / VuePress containers: "::: tip 标题" … ":::".
    const vuepress = /^:::\s+(\w+)\s*(.*)$/.exec(trimmed);
    if (vuepress) {
      const kind = vuepress[1]!.toLowerCase();
      const title = vuepress[2]!.trim();
      const name = kind === 'details' ? 'derivation' : calloutKind(kind);
      out.push(`:::${name}${title ? `[${title}]` : ''}`);
      conversions.push({ line: at, what: `container "::: ${kind}" → :::${name}` });
      continue;
    }

    // Hexo {% note class %} … {% endnote %}.
    const note = /^\{%\s*note\s*([\w-]*)[^%]*%\}$/.exec(trimmed);
    if (note) {
      const kind = calloutKind(note[1] || 'note');
      out.push(`:::${kind}`);
      container = { close: /^\{%\s*endnote\s*%\}$/, replacement: ':::' };
      conversions.push({ line: at, what: `Hexo {% note ${note[1] ?? ''} %} → :::${kind}` });
      continue;
    }
    // Hexo {% codeblock [title] [lang:x] %} … {% endcodeblock %}; Hugo {{< highlight x >}} … {{< /highlight >}}.
    const codeblock = /^\{%\s*codeblock\b(.*?)%\}$/.exec(trimmed);
    const highlight = /^\{\{<\s*highlight\s+([\w+-]+)[^>]*>\}\}$/.exec(trimmed);
    if (codeblock || highlight) {
      const language = codeblock ? (/\blang:([\w+-]+)/.exec(codeblock[1]!)?.[1] ?? '') : highlight![1]!;
      out.push(`\`\`\`${language}`);
      container = codeblock
        ? { close: /^\{%\s*endcodeblock\s*%\}$/, replacement: '```' }
        : { close: /^\{\{<\s*\/highlight\s*>\}\}$/, replacement: '```' };
      conversions.push({
        line: at,
        what: `${codeblock ? 'Hexo {% codeblock %}' : 'Hugo {{< highlight >}}'} → \`\`\`${language}`,
      });
      // The code inside is copied as it is, up to the closing tag.
      while (index + 1 < lines.length && !container.close.test(lines[index + 1]!.trim())) out.push(lines[++index]!);
      continue;
    }

    line = line
      // Markdown images: copied beside the post.
      .replace(
        /(!\[[^\]]*\]\()\s*<?([^)\s>]+)>?((?:\s+"[^"]*")?\s*\))/g,
        (whole, open: string, url: string, rest: string) =>
          isExternal(url) ? whole : `${open}${image(decodeURI(url), 'relative', at)}${rest}`,
      )
      // Raw-HTML images: their files are copied too; the build resolves them like Markdown images.
      .replace(
        /(<img\b[^>]*?\ssrc\s*=\s*)(?:"([^"]+)"|'([^']+)'|([^"'\s>]+))/gi,
        (whole, open: string, ...urls: string[]) => {
          const url = (urls[0] ?? urls[1] ?? urls[2])!;
          return isExternal(url) ? whole : `${open}"${image(decodeURI(url), 'relative', at)}"`;
        },
      )
      // Hexo {% asset_img name.png [title] %}.
      .replace(/\{%\s*asset_img\s+(\S+)\s*(.*?)\s*%\}/g, (_, name: string, title: string) => {
        conversions.push({ line: at, what: `Hexo {% asset_img ${name} %} → image` });
        const alt = title.replace(/^["']|["']$/g, '') || name.replace(/\.[^.]+$/, '');
        return `![${escapeAlt(alt)}](${image(name, 'hexo-asset', at)}${title ? ` "${escapeTitle(alt)}"` : ''})`;
      })
      // Hugo {{< figure src="…" caption="…" >}}.
      .replace(
        /\{\{([<%])\s*figure\s+((?:"[^"]*"|'[^']*'|[^"'])*?)\s*[>%]\}\}/g,
        (_, _delimiter: string, attrs: string) => {
          const { src = '', alt, caption, title } = attributes(attrs);
          conversions.push({ line: at, what: 'Hugo {{< figure >}} → image' });
          const text = caption ?? title;
          return `![${escapeAlt(alt ?? text ?? src)}](${image(src, 'relative', at)}${text ? ` "${escapeTitle(text)}"` : ''})`;
        },
      )
      // Hugo {{< ref "x.md" >}} and {{< relref >}}, usually inside a link's ( ).
      .replace(/\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s>%]+)"?\s*[>%]\}\}/g, (whole, target: string) => {
        const [path, hash] = target.split('#');
        const slug = context.slugOf(path!);
        if (!slug) {
          leftAlone.push({ line: at, what: `Hugo ref to "${target}", which is not imported: left as written` });
          return whole;
        }
        conversions.push({ line: at, what: `Hugo ref "${target}" → /posts/${slug}/` });
        return `/posts/${slug}/${hash ? `#${hash}` : ''}`;
      })
      // Obsidian ![[image.png]] / ![[image.png|300]].
      .replace(
        /!\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g,
        (whole, target: string, alias: string | undefined) => {
          if (/\.mdx?$/i.test(target) || !/\.\w{2,5}$/.test(target)) {
            leftAlone.push({
              line: at,
              what: `Obsidian embed of the note "${target}": embeds are not supported, left as written`,
            });
            return whole;
          }
          conversions.push({ line: at, what: `Obsidian ![[${target}]] → image` });
          const alt = alias && !/^\d+(x\d+)?$/.test(alias) ? alias : target.replace(/\.[^.]+$/, '');
          return `![${escapeAlt(alt)}](${image(target.trim(), 'vault', at)})`;
        },
      )
      // Obsidian [[note]] / [[note|text]] / [[note#heading]].
      .replace(
        /\[\[([^\]|#]+)(#[^\]|]*)?(?:\|([^\]]*))?\]\]/g,
        (_, target: string, heading: string | undefined, alias: string | undefined) => {
          const text = alias ?? target;
          const slug = context.slugOf(target.trim());
          if (!slug) {
            leftAlone.push({
              line: at,
              what: `Obsidian link [[${target}]]: that note is not imported, so it is plain text`,
            });
            return text;
          }
          conversions.push({ line: at, what: `Obsidian link [[${target}]] → /posts/${slug}/` });
          return `[${text}](/posts/${slug}/${heading ? `#${heading.slice(1).trim().replace(/\s+/g, '-')}` : ''})`;
        },
      )
      // Links to other posts' Markdown files (docsify, VuePress, Obsidian, plain notes).
      .replace(
        /(?<!!)(\[[^\]]*\]\()\s*([^)\s#]+\.(?:md|markdown|mdx))(#[^)\s]*)?\s*\)/gi,
        (whole, open: string, path: string, hash?: string) => {
          const slug = context.slugOf(decodeURI(path));
          if (!slug) return whole;
          conversions.push({ line: at, what: `link to ${path} → /posts/${slug}/` });
          return `${open}/posts/${slug}/${hash ?? ''})`;
        },
      );

    // A line that is only raw <img> tags (perhaps in a centring wrapper) becomes Markdown images: CommonMark
    // would make it an HTML block that swallows the Markdown lines under it, which Hexo's renderers do not.
    const rawImages = /^(?:<(div|center|p)\b[^>]*>\s*)?((?:<img\b[^>]*>\s*)+)(?:<\/\1>)?$/i.exec(line.trim());
    if (rawImages) {
      const images = Array.from(rawImages[2]!.matchAll(/<img\b[^>]*>/gi), (tag) => attributes(tag[0]));
      if (images.every((attrs) => attrs['src'])) {
        line = images
          .map(
            (attrs) =>
              `![${escapeAlt(attrs['alt'] ?? attrs['title'] ?? '')}](${encodeURI(attrs['src']!)}${attrs['title'] ? ` "${escapeTitle(attrs['title'])}"` : ''})`,
          )
          .join('\n');
        const sized = images.some((attrs) => attrs['width'] || attrs['height']);
        conversions.push({
          line: at,
          what: `raw <img> → Markdown image${sized ? ' (its width/height left to the column)' : ''}`,
        });
      }
    }
    const noAlt = Array.from(line.matchAll(/!\[\]\(([^)\s]+)/g), (match) => match[1]!);
    if (noAlt.length > 0) withoutAlt.set(out.length, { line: at, urls: noAlt });

    // A raw-HTML caption right under an image becomes its caption (and its alt text when it has none).
    // (A raw <img>, centred or not, becomes a Markdown figure then: its width is left to the page's column.)
    const caption = /^<(center|p|div)\b[^>]*>\s*([^<>]+?)\s*<\/\1>$/i.exec(trimmed);
    const imageAbove = caption ? imageOnLine(out.at(-1)?.trim() ?? '') : undefined;
    if (caption && imageAbove) {
      const alt = imageAbove.alt || caption[2]!;
      out[out.length - 1] = `![${escapeAlt(alt)}](${imageAbove.src} "${escapeTitle(caption[2]!)}")`;
      withoutAlt.delete(out.length - 1);
      conversions.push({ line: at, what: `caption <${caption[1]}> under an image → figure caption` });
      continue;
    }

    for (const match of line.matchAll(/\{%\s*(\w+)|\{\{([<%])\s*(\/?)\s*([\w-]+)/g)) {
      if (match[4] === 'ref' || match[4] === 'relref' || match[3] === '/') continue; // refs: listed above; closing tags
      const [open, close] = match[2] === '%' ? ['{{%', '%}}'] : ['{{<', '>}}'];
      const what = match[1] ? `Hexo tag {% ${match[1]} %}` : `Hugo shortcode ${open} ${match[4]} ${close}`;
      leftAlone.push({ line: at, what: `${what} is not converted: left as written` });
    }
    out.push(line);
  }
  if (calloutDepth) out.push(':::');
  for (const { line, urls } of withoutAlt.values()) {
    for (const url of urls)
      leftAlone.push({ line, what: `image "${url}" has no alt text, which the build requires: write one` });
  }
  leftAlone.sort((a, b) => a.line - b.line);
  return { body: out.join('\n'), conversions, leftAlone };
}

/** The text before `<!-- more -->` (Hexo's excerpt mark), and the body without the mark. */
export function splitMoreMark(body: string): { excerpt?: string; body: string } {
  const mark = /^[ \t]*<!--\s*more\s*-->[ \t]*\n?(?:[ \t]*\n)?/m.exec(body);
  if (!mark) return { body };
  return {
    excerpt: body.slice(0, mark.index).trim(),
    body: body.slice(0, mark.index) + body.slice(mark.index + mark[0].length),
  };
}
