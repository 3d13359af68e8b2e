/**
 * rehype plugin: frames each Shiki code block with a bar that shows its
 * language and a copy button. The button starts `hidden` and is revealed by
 * src/client/copy-code.ts, so without JavaScript no dead button is shown.
 * Long lines scroll inside the <pre>, never the page (see prose.css).
 */
import type { Element, Root } from 'hast';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { hasClass, isFormula } from '../lib/hast-classes.ts';

const LANGUAGE_NAMES: Record<string, string> = {
  python: 'Python',
  py: 'Python',
  bash: 'Bash',
  sh: 'Shell',
  shell: 'Shell',
  console: 'Console',
  cpp: 'C++',
  c: 'C',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  json: 'JSON',
  yaml: 'YAML',
  toml: 'TOML',
  text: '文本',
  plaintext: '文本',
  txt: '文本',
  diff: 'Diff',
  html: 'HTML',
  css: 'CSS',
  markdown: 'Markdown',
  md: 'Markdown',
  sql: 'SQL',
  rust: 'Rust',
  go: 'Go',
  java: 'Java',
  latex: 'LaTeX',
  tex: 'TeX',
  cuda: 'CUDA',
};

export function languageLabel(lang: string): string {
  return LANGUAGE_NAMES[lang.toLowerCase()] ?? lang;
}

function isCodeBlock(node: Element): boolean {
  return node.tagName === 'pre' && hasClass(node, 'astro-code');
}

export function rehypeCodeBlocks() {
  return (tree: Root) => {
    // visit() searches every node with children, not only elements: in MDX a code
    // block can sit inside a component (<Callout>), which is an mdxJsxFlowElement here.
    visit(tree, 'element', (child: Element, index, parent) => {
      // A formula's thousands of nodes hold no code block.
      if (isFormula(child)) return SKIP;
      if (!isCodeBlock(child) || parent === undefined || index === undefined) return CONTINUE;
      const lang = String(child.properties['dataLanguage'] ?? 'text');
      // (Shiki already gives the <pre> tabindex="0", so keyboard users can scroll it.)
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'] },
        children: [
          {
            type: 'element',
            tagName: 'div',
            // The language label and copy button are chrome, not code: kept out of the search index.
            properties: { className: ['code-block__bar'], dataPagefindIgnore: 'all' },
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['code-block__lang'] },
                children: [{ type: 'text', value: languageLabel(lang) }],
              },
              {
                type: 'element',
                tagName: 'button',
                properties: { type: 'button', className: ['code-block__copy'], dataCopyCode: '', hidden: true },
                children: [{ type: 'text', value: '复制' }],
              },
            ],
          },
          child,
        ],
      };
      return [SKIP, index + 1];
    });
  };
}
