/**
 * What the fast MDX renderer takes, what it leaves to Astro's MDX compiler, and
 * how it prints expression values (Astro's rules). The pages it renders are
 * compared with Astro's in tests/build/fast-mdx.test.ts.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { createFastMdxRenderer } from '../../src/content/renderers/fast-mdx.ts';
import { shikiConfig } from '../../src/markdown/markdown-pipeline.ts';
import { NotFastMdx } from '../../src/content/renderers/mdx-fast-path.ts';

const renderer = createFastMdxRenderer({
  syntaxHighlight: markdownConfigDefaults.syntaxHighlight,
  shikiConfig,
  gfm: true,
  image: {},
});
const url = pathToFileURL('/posts/example.mdx');
const blocker = (body: string) => renderer.blocker(renderer.parse(body, url).tree);
const html = async (body: string) => (await renderer.render(renderer.parse(body, url), {})).code;

describe('fast MDX renderer: what it takes', () => {
  it('takes Markdown, exports, expressions, HTML elements and the writing components', () => {
    expect(
      blocker(
        'export const n = 2;\n\n# 标题 {n}\n\n<Callout type="tip" title={`第 ${n} 条`}>正文 <kbd>K</kbd></Callout>\n\n<PaperCard title="T" year={2017} />',
      ),
    ).toBeUndefined();
    expect(blocker('<Derivation>\n$$x^2$$\n</Derivation>\n\n<>片段</>\n\n{/* 注释 */}')).toBeUndefined();
  });

  it('leaves to Astro what needs its module system', () => {
    expect(blocker("import fig from './fig.svg';\n\n<Figure src={fig} alt='a' caption='b' />")).toMatch(
      /ImportDeclaration/,
    );
    expect(blocker('<Figure alt="a" caption="b" />')).toMatch(/<Figure>/);
    expect(blocker('{[1, 2].map((n) => <b>{n}</b>)}')).toMatch(/JSX inside an expression/);
    expect(blocker('标题是 {frontmatter.title}')).toMatch(/frontmatter/);
    expect(blocker('{props.x}')).toMatch(/props/);
    expect(blocker('<div {...{ id: "x" }}>x</div>')).toMatch(/spread/);
    expect(blocker('<div className="x">x</div>')).toMatch(/className/);
    expect(blocker('export const Callout = () => null;\n\n<Callout>x</Callout>')).toMatch(/exports "Callout"/);
    expect(blocker('export default function Layout() {}')).toMatch(/ExportDefaultDeclaration/);
    expect(blocker('![图](./a.png)')).toMatch(/image/);
  });
});

describe('fast MDX renderer: values', () => {
  it('prints strings, numbers and arrays; nothing for null, undefined, false, NaN and ""', async () => {
    const out = await html(
      "export const xs = ['a', 1, null, ['b']];\n\n[{xs}] [{0}] [{null}] [{undefined}] [{false}] [{Number.NaN}] [{''}] [{1n}]",
    );
    expect(out.trim()).toBe('<p>[a1b] [0] [] [] [] [] [] [1]</p>');
  });

  it('escapes text from expressions', async () => {
    expect(await html("{'<script>&'}")).toBe('&#x3C;script>&#x26;');
  });

  it('leaves values Astro prints its own way to Astro', async () => {
    await expect(html('{{ a: 1 }}')).rejects.toBeInstanceOf(NotFastMdx);
    await expect(html('{true}')).rejects.toBeInstanceOf(NotFastMdx);
    await expect(html('<span title={{}}>x</span>')).rejects.toBeInstanceOf(NotFastMdx);
  });

  it('gives HTML attributes Astro’s rules: false and null left out, true bare', async () => {
    expect(await html('<details open={true} hidden={false} title={null}>x</details>')).toBe(
      '<details open>x</details>',
    );
  });

  it('fails on a callout type that does not exist, as the component does', async () => {
    await expect(html('<Callout type="danger">x</Callout>')).rejects.toThrow(
      '<Callout type="danger">: type must be note, tip or warning',
    );
  });
});
