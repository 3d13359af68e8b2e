import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { findKatexErrors, lineOf } from '../../src/lib/katex-errors.ts';
import { katexOptions } from '../../src/markdown/katex-options.ts';

describe('findKatexErrors', () => {
  it('finds the formula and message in KaTeX error markup', () => {
    const html = `<p>ok ${katex.renderToString('x^2')} bad ${katex.renderToString('\\frac{1}{', { throwOnError: false })}</p>`;
    const errors = findKatexErrors(html);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.tex).toBe('\\frac{1}{');
    expect(errors[0]!.message).toMatch(/KaTeX parse error/);
  });

  it('finds nothing in valid markup', () => {
    expect(findKatexErrors(katex.renderToString('\\sum_i x_i', { displayMode: true }))).toEqual([]);
  });
});

describe('lineOf', () => {
  it('gives the 1-based line of a snippet', () => {
    expect(lineOf('a\nb\n$\\frac{1}{$\n', '\\frac{1}{')).toBe(3);
    expect(lineOf('a', 'zzz')).toBeUndefined();
  });
});

describe('commands KaTeX does not know', () => {
  it('are found inside otherwise rendered formulas, each formula once with its TeX', () => {
    const html = ['\\mycmd{x} + \\other', 'x^2', '\\mycmd']
      .map((tex) => katex.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml' }))
      .join(' 文字 ');
    const errors = findKatexErrors(html);
    expect(errors.map(({ tex }) => tex)).toEqual(['\\mycmd{x} + \\other', '\\mycmd']);
    expect(errors[0]!.message).toMatch(/^undefined command \\mycmd, \\other: .*katexMacros/);
  });

  it('are not reported for the macros of the site settings', () => {
    const html = katex.renderToString('\\softmax(z) + \\E[X] + \\mathbbm{1}', { ...katexOptions });
    expect(findKatexErrors(html)).toEqual([]);
  });
});
