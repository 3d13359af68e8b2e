/**
 * The classes of a hast element. Parsed HTML keeps them as a list (`className`);
 * Shiki's hast gives `class` as one string, so both are read.
 */
import type { Element } from 'hast';

export function classNames(node: Element): string[] {
  const value = node.properties['className'] ?? node.properties['class'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

export function hasClass(node: Element, name: string): boolean {
  return classNames(node).includes(name);
}

/** KaTeX's output for a formula (inline or display): plugins that look for other things skip its subtree. */
export function isFormula(node: Element): boolean {
  const classes = classNames(node);
  return classes.includes('katex') || classes.includes('katex-display');
}
