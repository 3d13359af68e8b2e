/**
 * Every content error fails the build (non-zero exit) with a message naming the
 * file (and line where there is one) and what is wrong, and leaves the previous
 * output untouched. Front matter, encoding, slugs, formulas and rendering.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../helpers/build.ts';
import { lastGoodBuild } from '../helpers/content-errors.ts';

let tryBroken: ReturnType<typeof lastGoodBuild>;
beforeAll(() => {
  tryBroken = lastGoodBuild('errors-front-matter');
});

const file = (errorCase: string, name = 'bad.md') => `tests/fixtures/errors/${errorCase}/${name}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('front matter', () => {
  it('a missing title', () =>
    void tryBroken('missing-title', [
      new RegExp(`${escape(file('missing-title'))}:2: front matter: title is missing`),
    ]));
  it('a blank title', () =>
    void tryBroken('blank-title', [
      new RegExp(`${escape(file('blank-title'))}:2: front matter: title must not be blank`),
    ]));
  it('a date that does not exist', () =>
    void tryBroken('invalid-date', [
      new RegExp(`${escape(file('invalid-date'))}:3: front matter: "2024-02-30" is not a real calendar date`),
    ]));
  it('a quoted "false" is not coerced to a boolean', () =>
    void tryBroken('draft-string', [
      new RegExp(`${escape(file('draft-string'))}:5: front matter: draft must be true or false`),
    ]));
  it('an unknown category lists the allowed ones', () =>
    void tryBroken('unknown-category', [
      new RegExp(
        `${escape(file('unknown-category'))}:4: front matter: category "数学" is unknown; use one of: 机器学习, 深度学习, 计算机视觉, 自然语言处理, 强化学习, Python`,
      ),
    ]));
  it('a YAML syntax error gives its real line in the file', () =>
    void tryBroken('yaml-syntax', [
      new RegExp(`${escape(file('yaml-syntax'))}:6: has invalid YAML front matter at line 6`),
    ]));
});

describe('files and slugs', () => {
  it('a file that is not UTF-8', () =>
    void tryBroken('not-utf8', [
      new RegExp(`${escape(file('not-utf8'))}: is not valid UTF-8 \\(byte 0x[0-9a-f]{2} at offset \\d+, line 7\\)`),
    ]));
  it('duplicate slugs name both files', () =>
    void tryBroken('duplicate-slug', [
      /tests\/fixtures\/errors\/duplicate-slug\/second\/index\.md: has the slug "same", which tests\/fixtures\/errors\/duplicate-slug\/first\.md already uses/,
    ]));
  it('a file named only with emoji gives an empty slug', () =>
    void tryBroken('empty-slug', [/tests\/fixtures\/errors\/empty-slug\/🔥🚀\.md: gives an empty slug/]));
});

describe('formulas and rendering', () => {
  it('invalid LaTeX names the formula, the file and the line, also when built again over the cache', () => {
    const expected = [
      new RegExp(
        `${escape(file('invalid-latex'))}:9: invalid LaTeX in formula "\\\\frac\\{1\\}\\{": KaTeX parse error`,
      ),
    ];
    tryBroken('invalid-latex', expected);
    const second = buildCorpus('errors-latex-again', 'tests/fixtures/errors/invalid-latex');
    expect(second.status).not.toBe(0);
    const third = buildCorpus('errors-latex-again', 'tests/fixtures/errors/invalid-latex');
    expect(third.status).not.toBe(0);
    for (const pattern of expected) expect(third.output).toMatch(pattern);
  });

  it('a command KaTeX does not know names the command and how to define it as a macro', () =>
    void tryBroken('undefined-command', [
      new RegExp(
        `${escape(file('undefined-command'))}:9: invalid LaTeX in formula "\\\\mylayernorm\\(x\\)": undefined command \\\\mylayernorm: .*katexMacros`,
      ),
    ]));

  it('a link inside a formula (\\href, \\url) is refused: KaTeX makes no links here', () =>
    void tryBroken('untrusted-command', [
      new RegExp(
        `${escape(file('untrusted-command'))}:9: invalid LaTeX in formula "\\\\href\\{javascript:.*\\\\href not allowed: links and HTML inside formulas`,
      ),
      new RegExp(
        `${escape(file('untrusted-command'))}:9: invalid LaTeX in formula "\\\\url\\{javascript:.*\\\\url not allowed`,
      ),
    ]));

  it('a reference to a missing label is a render error naming the post and the label', () =>
    void tryBroken('missing-label', [
      new RegExp(
        `${escape(file('missing-label'))}:11: reference to unknown label "eq:missing" \\(labels in this post: eq:exists\\)`,
      ),
    ]));

  it('an image without alt text', () =>
    void tryBroken('missing-alt', [
      new RegExp(`${escape(file('missing-alt'))}:7: image "./figure.svg" has no alt text`),
    ]));

  it('an unknown code language only warns, naming the file, line and language', () => {
    const result = buildCorpus('errors-language', 'tests/fixtures/errors/unknown-language');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(
      /tests\/fixtures\/errors\/unknown-language\/odd\.md:7: unknown code language "klingon"/,
    );
  });
});
