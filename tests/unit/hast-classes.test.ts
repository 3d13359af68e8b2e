import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { classNames, hasClass } from '../../src/lib/hast-classes.ts';

const element = (properties: Element['properties']): Element => ({
  type: 'element',
  tagName: 'span',
  properties,
  children: [],
});

describe('hast classes', () => {
  it('reads a parsed list, a string as Shiki writes it, and no class at all', () => {
    expect(classNames(element({ className: ['katex', 'katex-display'] }))).toEqual(['katex', 'katex-display']);
    expect(classNames(element({ class: 'astro-code  github-light' }))).toEqual(['astro-code', 'github-light']);
    expect(classNames(element({}))).toEqual([]);
  });

  it('matches whole class names only', () => {
    expect(hasClass(element({ className: ['katex-display'] }), 'katex')).toBe(false);
    expect(hasClass(element({ class: 'astro-code' }), 'astro-code')).toBe(true);
  });
});
