/** The importer's construct conversions on a few lines each (src/import/constructs.ts). */
import { describe, expect, it } from 'vitest';
import { convertConstructs, splitMoreMark } from '../../src/import/constructs.ts';

const context = {
  slugOf: (reference: string) => ({ 'other-note': 'other-note', 'posts/x': 'x' })[reference],
  image: (ref: { written: string }) => `./${ref.written.split('/').at(-1)}`,
};
const convert = (body: string) => convertConstructs(body, 1, context);

describe('convertConstructs', () => {
  it('gives an image the caption under it, and its alt text when it has none', () => {
    const { body, leftAlone } = convert(
      ['<p align="center"><img src="img/a.png" width="300"></p>', '<center>图 2 结构</center>'].join('\n'),
    );
    expect(body).toBe('![图 2 结构](./a.png "图 2 结构")');
    expect(leftAlone).toEqual([]);
  });

  it('lists images without alt text, with their line, unless a caption gives them one', () => {
    const { leftAlone } = convert(['文字', '', '![](a.png)', '', '![](b.png)', '<center>说明</center>'].join('\n'));
    expect(leftAlone).toEqual([
      { line: 3, what: 'image "./a.png" has no alt text, which the build requires: write one' },
    ]);
  });

  it('converts a Hugo figure whose attributes hold % and >', () => {
    const { body } = convert('{{< figure src="/images/a.png" caption="图 1" large-max-width="60%" >}}');
    expect(body).toBe('![图 1](./a.png "图 1")');
  });

  it('names {{% %}} shortcodes as written, once, without their closing tags', () => {
    const { leftAlone } = convert(['{{% admonition type="note" %}}', '文字', '{{% /admonition %}}'].join('\n'));
    expect(leftAlone).toEqual([
      { line: 1, what: 'Hugo shortcode {{% admonition %}} is not converted: left as written' },
    ]);
  });

  it('leaves fenced code alone', () => {
    const source = ['```md', '{% note %}', '![[x.png]]', '```'].join('\n');
    expect(convert(source)).toEqual({ body: source, conversions: [], leftAlone: [] });
  });

  it('splits off the text before <!-- more -->', () => {
    expect(splitMoreMark('摘要。\n\n<!-- more -->\n\n正文。')).toEqual({ excerpt: '摘要。', body: '摘要。\n\n正文。' });
    expect(splitMoreMark('没有标记。')).toEqual({ body: '没有标记。' });
  });
});
