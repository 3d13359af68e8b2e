import { describe, expect, it } from 'vitest';
import { diagramMinWidth } from '../../src/lib/svg-text-size.ts';

/** An SVG of the given size whose text lines are `lines`, at `fontSize` (CSS or attribute). */
function svg(width: number, height: number, lines: string[], fontSize: string): string {
  const texts = lines.map((line, i) => `<text x="10" y="${20 + i * 20}" ${fontSize}>${line}</text>`).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">\n${texts}\n</svg>`;
}

const CODE = [
  '@tf_export("math.add", "add")   # 某个内部 ops 模块',
  'def add(x, y): ...',
  'add._tf_api_names    = ("math.add", "add")',
  'add._tf_api_names_v1 = ("math.add", "add")',
  '_api/v2/math/__init__.py  :  from ...math_ops import add',
  '_api/v2/__init__.py       :  from ...math_ops import add',
  'import tensorflow as tf',
  'tf.math.add is tf.add   # True，同一个函数对象',
];

describe('diagramMinWidth', () => {
  it('keeps a text-heavy diagram wide enough for its smallest text to be 10 px', () => {
    // 12-unit text in a 660-unit drawing: 10 px text at 550 px.
    expect(diagramMinWidth(svg(660, 440, CODE, 'style="font-size:12px"'))).toBe(550);
    expect(diagramMinWidth(svg(660, 440, CODE, 'font-size="12"'))).toBe(550);
  });

  it('never asks for more than the width the diagram is shown at', () => {
    expect(diagramMinWidth(svg(660, 440, CODE, 'font-size="8"'))).toBe(660);
  });

  it('leaves plots with a few labels, drawings without text, and diagrams that fit a phone alone', () => {
    expect(diagramMinWidth(svg(640, 380, ['0', '0.5', '1.0', '误差', '树的数量'], 'font-size="12"'))).toBeUndefined();
    expect(diagramMinWidth('<svg viewBox="0 0 600 400"><rect width="10" height="10"/></svg>')).toBeUndefined();
    expect(diagramMinWidth(svg(300, 200, CODE.slice(0, 4), 'font-size="12"'))).toBeUndefined();
  });

  it('takes text without a size at the default 16 px', () => {
    expect(diagramMinWidth(svg(800, 400, CODE, ''))).toBe(500);
  });
});
