/**
 * What MDX posts may not do. MDX is JavaScript: its imports, exports and
 * `{expressions}` run inside the build, with the build's environment (tokens,
 * secrets) and file system. Its HTML is JSX, which no sanitizer sees. So the
 * source is checked before it is compiled, and the build refuses, naming the
 * post and the line:
 *
 * - code that reaches the environment or Node: `process`, `require`, `module`,
 *   `globalThis`/`global`/`window`/`self`, `eval`, `Function`, `Reflect`,
 *   `fetch`, `import.meta`, dynamic `import()`, and the ways back to the
 *   Function constructor (`.constructor`, `__proto__`, `getPrototypeOf`, …,
 *   and `x[key]` with a key that is not a constant);
 * - imports (and re-exports) of Node built-ins (`fs`, `node:fs`,
 *   `child_process`, …), of files outside the project (or the post's folder),
 *   of hidden files such as `.env`, and with a `?query` (`?raw`, `?url`);
 * - HTML that runs or loads code or hijacks the page: `<script>`, `<style>`,
 *   `<iframe>`, `<object>`, `<embed>`, `<form>`, `<base>`, `<link>`, `<meta>`…;
 *   event-handler props (`onclick`, `onClick`); `set:html` and
 *   `dangerouslySetInnerHTML`; `javascript:` URLs; spread props on HTML
 *   elements (they could carry any of these).
 *
 * This is a deny-list that stops the obvious and the accidental, not a sandbox:
 * review MDX like code. The pages' Content-Security-Policy keeps inline
 * scripts, handlers and javascript: URLs inert in the browser as a second line.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { EsNode, MdxAttribute as JsxAttribute } from './mdx-nodes.ts';


export interface PolicyProblem {
  message: string;
  /** 1-based line within the parsed source (the post's body). */
  line: number | undefined;
}

/** What Vite tries after an import path without one (its default resolve.extensions, and Astro's). */
const IMPORT_EXTENSIONS = ['.astro', '.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json', '.mdx', '.md'];

/** Whether an import path names a file as Vite resolves it: as written, with an extension, or a folder's index. */
function resolvesToFile(target: string): boolean {
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  if (isFile(target)) return true;
  const candidates = [target, `${target}${sep}index`];
  return candidates.some((candidate) => IMPORT_EXTENSIONS.some((extension) => isFile(`${candidate}${extension}`)));
}

/** Globals that reach the environment, the file system, the network or a code compiler. */
const DENIED_GLOBALS = new Set([
  'process', 'require', 'module', 'exports', '__dirname', '__filename', 'globalThis', 'global', 'window', 'self',
  'eval', 'Function', 'Reflect', 'fetch', 'WebSocket', 'Deno', 'Bun',
]);

/** Property names that lead from any value to the Function constructor or rewrite objects. */
const DENIED_PROPERTIES = new Set([
  'constructor', '__proto__', 'getPrototypeOf', 'setPrototypeOf', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors',
  'defineProperty', 'defineProperties', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/** HTML elements an MDX post may not write. */
const DENIED_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'link', 'meta', 'portal',
]);

/** Props that insert raw HTML. */
const RAW_HTML_PROPS = new Set(['set:html', 'dangerouslySetInnerHTML', 'srcdoc']);

/** Props holding a URL the browser navigates to or loads. */
const URL_PROPS = new Set(['href', 'src', 'action', 'formaction', 'formAction', 'xlink:href', 'xlinkHref', 'poster', 'data', 'background', 'ping', 'cite']);

const CODE_RISK = 'code in an MDX post runs during the build, where it could read secrets and files; write the value into the post instead';

/** A URL browsers would run as script (they ignore whitespace and control characters in the scheme). */
function isScriptUrl(value: string): boolean {
  const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return compact.startsWith('javascript:') || compact.startsWith('vbscript:') || compact.startsWith('data:text/html');
}

/** The value of a constant key: `x.name`, `x['name']`, `` x[`name`] ``, `x[0]`; undefined when computed at run time. */
function constantKey(node: EsNode, computed: boolean): string | undefined {
  if (!computed && node.type === 'Identifier') return String(node['name']);
  if (node.type === 'Literal') return String(node['value']);
  if (node.type === 'TemplateLiteral' && (node['expressions'] as unknown[]).length === 0) {
    const quasis = node['quasis'] as { value: { cooked: string } }[];
    return quasis.map((quasi) => quasi.value.cooked).join('');
  }
  return undefined;
}

function children(node: EsNode): [string, EsNode][] {
  const out: [string, EsNode][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'range') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && typeof item === 'object' && typeof (item as EsNode).type === 'string') out.push([key, item as EsNode]);
    }
  }
  return out;
}

export class MdxCodePolicy {
  readonly problems: PolicyProblem[] = [];
  readonly #file: string;
  readonly #root: string;

  /** `file`: the post's absolute path; `root`: the project root. */
  constructor(file: string, root: string) {
    this.#file = file;
    this.#root = root;
  }

  #refuse(message: string, line: number | undefined): void {
    if (this.problems.some((problem) => problem.message === message && problem.line === line)) return;
    this.problems.push({ message, line });
  }

  /** Checks an estree program (ESM block or expression) and the JSX inside it. */
  checkProgram(program: EsNode, fallbackLine: number | undefined): void {
    const visit = (node: EsNode, parent: EsNode | undefined, key: string) => {
      const line = node.loc?.start.line ?? fallbackLine;
      switch (node.type) {
        case 'Identifier': {
          const name = String(node['name']);
          const isMemberName = parent?.type === 'MemberExpression' && key === 'property' && parent['computed'] !== true;
          const isKeyName =
            (parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') &&
            key === 'key' && parent['computed'] !== true && parent['shorthand'] !== true;
          if (isMemberName && DENIED_PROPERTIES.has(name)) this.#refuse(`MDX code may not use \`.${name}\`: ${CODE_RISK}`, line);
          if (!isMemberName && !isKeyName && DENIED_GLOBALS.has(name)) this.#refuse(`MDX code may not use \`${name}\`: ${CODE_RISK}`, line);
          break;
        }
        case 'MemberExpression': {
          if (node['computed'] === true) {
            const property = constantKey(node['property'] as EsNode, true);
            if (property === undefined) {
              this.#refuse('MDX code may not access a property with a computed key (`x[key]`); use a constant (`x[0]`, `x.name`) or `.at(i)`', line);
            } else if (DENIED_PROPERTIES.has(property)) {
              this.#refuse(`MDX code may not use \`.${property}\`: ${CODE_RISK}`, line);
            }
          }
          break;
        }
        case 'MetaProperty':
          this.#refuse(`MDX code may not use \`import.meta\` (import.meta.env holds the build's environment): ${CODE_RISK}`, line);
          break;
        case 'ImportExpression':
          this.#refuse(`MDX code may not use dynamic \`import()\`: ${CODE_RISK}`, line);
          break;
        case 'ImportDeclaration':
        case 'ExportNamedDeclaration':
        case 'ExportAllDeclaration': {
          const source = node['source'] as EsNode | null | undefined;
          if (source?.type === 'Literal') this.#checkSpecifier(String(source['value']), line);
          break;
        }
        case 'JSXElement': {
          const opening = node['openingElement'] as EsNode;
          const attributes = (opening['attributes'] as EsNode[]).map((attribute) => this.#fromJsxAttribute(attribute));
          this.checkElement(jsxName(opening['name'] as EsNode), attributes, line);
          break;
        }
        default:
      }
      for (const [childKey, child] of children(node)) visit(child, node, childKey);
    };
    visit(program, undefined, '');
  }

  /**
   * Checks an element written in MDX (in the Markdown or in an expression):
   * its name, its props and the expressions they hold.
   */
  checkElement(name: string | null | undefined, attributes: readonly JsxAttribute[], line: number | undefined): void {
    if (!name) return;
    const root = name.split(/[.:]/)[0]!;
    if (name.includes('.') && DENIED_GLOBALS.has(root)) this.#refuse(`MDX code may not use \`${root}\` (in <${name}>): ${CODE_RISK}`, line);
    const isHtml = /^[a-z]/.test(name) && !name.includes('.');
    if (isHtml && DENIED_ELEMENTS.has(name.toLowerCase())) {
      this.#refuse(`MDX posts may not contain <${name}>: scripts, styles, frames, plug-ins and forms are not allowed in posts`, line);
    }
    for (const attribute of attributes) {
      const at = attribute.position?.start.line ?? line;
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        if (isHtml) this.#refuse(`MDX posts may not spread props onto <${name}> ({...}); write each attribute`, at);
        if (attribute.data?.estree) this.checkProgram(attribute.data.estree, at);
        continue;
      }
      const prop = attribute.name ?? '';
      if (isHtml ? /^on/i.test(prop) : /^on[A-Z]/.test(prop)) {
        this.#refuse(`MDX posts may not use event handlers (${prop} on <${name}>): posts run no JavaScript`, at);
      }
      if (RAW_HTML_PROPS.has(prop)) this.#refuse(`MDX posts may not insert raw HTML (${prop} on <${name}>)`, at);
      const value = attribute.value;
      let literal: string | undefined;
      if (typeof value === 'string') literal = value;
      else if (value && typeof value === 'object') {
        const estree = value.data?.estree;
        if (estree) {
          this.checkProgram(estree, at);
          const body = (estree['body'] as EsNode[] | undefined)?.[0];
          const expression = body?.type === 'ExpressionStatement' ? (body['expression'] as EsNode) : undefined;
          literal = expression ? constantKey(expression, true) : undefined;
        }
      }
      if (literal !== undefined && URL_PROPS.has(prop) && isScriptUrl(literal)) {
        this.#refuse(`MDX posts may not link to script URLs (${prop}="${literal.slice(0, 40)}" on <${name}>)`, at);
      }
    }
  }

  /** An import's source: no Node built-ins, nothing outside the project, no hidden files, no ?query. */
  #checkSpecifier(specifier: string, line: number | undefined): void {
    if (isBuiltin(specifier) || /^(node|bun|deno):/.test(specifier)) {
      this.#refuse(`MDX posts may not import the Node built-in module "${specifier}": ${CODE_RISK}`, line);
      return;
    }
    if (specifier.includes('?')) {
      this.#refuse(`MDX posts may not import "${specifier}": imports with a ?query (?raw, ?url, …) are not allowed`, line);
      return;
    }
    // URLs (https:, file:, data:, virtual:) and astro:env; other astro: modules (astro:assets) are fine.
    const scheme = /^([a-z][a-z\d+.-]*):/i.exec(specifier)?.[1];
    if ((scheme !== undefined && scheme !== 'astro') || specifier.startsWith('astro:env')) {
      this.#refuse(`MDX posts may not import "${specifier}": only packages and files of the project can be imported`, line);
      return;
    }
    const isPath = specifier.startsWith('.') || specifier.startsWith('/') || isAbsolute(specifier);
    if (!isPath) return; // a package from node_modules
    // Vite resolves "/x" from the project root first, then as a path on the disk.
    const fromRoot = resolve(this.#root, `.${specifier}`);
    const target = !specifier.startsWith('/') ? resolve(dirname(this.#file), specifier) : existsSync(fromRoot) ? fromRoot : resolve(specifier);
    const real = existsSync(target) ? realpathSync(target) : target;
    const inside = (dir: string) => {
      const rel = relative(dir, real);
      return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
    };
    if (!inside(this.#root) && !inside(dirname(this.#file))) {
      this.#refuse(`MDX posts may not import "${specifier}": it is outside the project`, line);
      return;
    }
    // Hidden segments count below the post's own folder (or the project root for other files),
    // so a corpus kept in a dot-folder (tests/.output/…) can still import its own figures.
    const base = inside(dirname(this.#file)) ? dirname(this.#file) : this.#root;
    const segments = relative(base, real).split(sep);
    if (segments.some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..')) {
      this.#refuse(`MDX posts may not import the hidden file "${specifier}"`, line);
      return;
    }
    // Checked here, with the post's line: Vite would report it at a line of the compiled module.
    if (!resolvesToFile(target)) {
      this.#refuse(`imports "${specifier}", which does not exist (looked for ${relative(this.#root, target) || target})`, line);
    }
  }

  #fromJsxAttribute(attribute: EsNode): JsxAttribute {
    const line = attribute.loc ? { start: { line: attribute.loc.start.line } } : undefined;
    if (attribute.type === 'JSXSpreadAttribute') {
      return { type: 'mdxJsxExpressionAttribute', ...(line ? { position: line } : {}) };
    }
    const name = jsxName(attribute['name'] as EsNode) ?? '';
    const value = attribute['value'] as EsNode | null;
    let literal: JsxAttribute['value'] = null;
    if (value?.type === 'Literal') literal = String(value['value']);
    else if (value?.type === 'JSXExpressionContainer') {
      const expression = value['expression'] as EsNode;
      const constant = constantKey(expression, true);
      if (constant !== undefined) literal = constant;
    }
    return { type: 'mdxJsxAttribute', name, value: literal, ...(line ? { position: line } : {}) };
  }
}

/** "div", "Foo.Bar", "svg:rect" from a JSX name node. */
function jsxName(node: EsNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'JSXIdentifier') return String(node['name']);
  if (node.type === 'JSXNamespacedName') return `${jsxName(node['namespace'] as EsNode)}:${jsxName(node['name'] as EsNode)}`;
  if (node.type === 'JSXMemberExpression') return `${jsxName(node['object'] as EsNode)}.${jsxName(node['property'] as EsNode)}`;
  return undefined;
}
