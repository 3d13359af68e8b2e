/**
 * npm run import on small hand-written folders of each tool (tests/fixtures/import/<tool>):
 * what it writes, what it reports, that it never overwrites and writes the same
 * files again, and that the imported posts build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, outputRoot, projectRoot, type BuildResult } from '../helpers/build.ts';
import { cardTitles, listFiles, loadPage } from '../helpers/site.ts';

const CONTENT = join(outputRoot, 'import-content');
const TOOLS = ['hexo', 'hugo', 'jekyll', 'obsidian', 'docsify'] as const;

function runImport(folder: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', folder, ...flags], {
    cwd: projectRoot,
    env: { ...process.env, BLOG_CONTENT_DIR: CONTENT },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const reports: Record<string, string> = {};
let build: BuildResult;
beforeAll(() => {
  rmSync(CONTENT, { recursive: true, force: true });
  mkdirSync(CONTENT, { recursive: true });
  for (const tool of TOOLS) {
    const result = runImport(`tests/fixtures/import/${tool}`);
    expect(result.status, result.output).toBe(0);
    reports[tool] = result.output;
  }
  build = buildCorpus('import-site', CONTENT, { SOURCE_DATE_EPOCH: '1893456000' });
});

const post = (slug: string) => readFileSync(join(CONTENT, slug, 'index.md'), 'utf8');

describe('npm run import', () => {
  it('detects each tool and writes one post per source post, images beside it', () => {
    expect(reports['hexo']).toMatch(/^Imported from a hexo folder/m);
    expect(reports['hugo']).toMatch(/^Imported from a hugo folder/m);
    expect(reports['jekyll']).toMatch(/^Imported from a jekyll folder/m);
    expect(reports['obsidian']).toMatch(/^Imported from a obsidian folder/m);
    expect(reports['docsify']).toMatch(/^Imported from a docsify folder/m);
    expect(listFiles(CONTENT)).toEqual([
      'adam/arch.svg',
      'adam/index.md',
      'bundle/index.md',
      'bundle/local.svg',
      'gradient-notes/1.svg',
      'gradient-notes/curve.svg',
      'gradient-notes/index.md',
      'gradient-notes/raw.svg',
      'kd-search/index.md',
      'kd-search/plot.svg',
      'lda/index.md',
      'pca/index.md',
      'pca/pca.svg',
      '决策树/index.md',
      '决策树/tree.svg',
      '随机森林/index.md',
    ]);
  });

  it('maps front matter: categories, tags, dates, summary, draft, top; drops generator fields and says so', () => {
    expect(post('gradient-notes')).toMatch(
      /^---\ntitle: 梯度下降笔记\ndate: 2024-03-11 07:30:00\nupdated: 2024-03-12 10:00:00\ncategory: 深度学习\ntags: \[优化, 梯度, "delete\[\]"\]\ndescription: 梯度下降沿负梯度方向更新参数 θ。\npinned: true\n---\n/,
    );
    expect(reports['hexo']).toContain('dropped: comments, mathjax');
    expect(post('adam')).toContain(
      'date: 2024-04-01T09:00:00+08:00\nupdated: 2024-04-02T09:00:00+08:00\ncategory: 机器学习',
    );
    expect(post('adam')).toContain('description: Adam 把动量与自适应学习率结合在一起。');
    expect(post('kd-search')).toMatch(/date: 2024-02-05\n[\s\S]*draft: true/);
    expect(reports['jekyll']).toContain('mapped: date 2024-02-05 from the file name');
    expect(reports['obsidian']).toMatch(/ATTENTION: category "集成学习" is none of .*: set to 机器学习/);
  });

  it("converts each tool's constructs and lists what it left alone, with file and line", () => {
    expect(post('gradient-notes')).toContain('![损失曲线](./curve.svg "损失曲线")');
    expect(post('gradient-notes')).toContain(':::warning\n学习率太大时会发散。\n:::');
    expect(post('gradient-notes')).toContain('```python\ntheta = theta - lr * grad\n```');
    expect(post('gradient-notes')).not.toContain('<!-- more -->');
    expect(reports['hexo']).toContain(
      'ATTENTION: source/_posts/gradient-notes.md:36: Hexo tag {% youtube %} is not converted',
    );
    // A line of raw <img> would swallow the list under it as HTML: it becomes a Markdown image.
    expect(post('gradient-notes')).toContain('![原始图](./raw.svg)\n- 当数据集 $x$ 很大时，**效果好**');
    expect(post('gradient-notes')).toContain('![深度可分离卷积](./1.svg "深度可分离卷积")');
    expect(reports['hugo']).toContain(
      'ATTENTION: content/posts/adam.md:14: Hugo shortcode {{% admonition %}} is not converted',
    );
    expect(post('adam')).toContain('![Adam 的更新步骤](./arch.svg "Adam 的更新步骤")');
    expect(post('adam')).toContain('与[动量法](/posts/bundle/)相比');
    expect(post('adam')).toContain('```go\nfmt.Println("adam")\n```');
    expect(post('决策树')).toContain(':::tip[剪枝]\n预剪枝在生长时停止，后剪枝在生长后回退。\n:::');
    expect(post('决策树')).toContain('参见 [随机森林](/posts/随机森林/) 与 未写的笔记。');
    expect(post('决策树')).toContain('![tree](./tree.svg)');
    expect(post('pca')).toContain(':::tip[直观理解]');
    // The first heading became the title: it is not repeated in the body.
    expect(post('pca')).toMatch(/^---\ntitle: 主成分分析\n/);
    expect(post('pca')).not.toContain('# 主成分分析');
    expect(post('pca')).toContain('![图 1 投影方向](./pca.svg "图 1 投影方向")');
    expect(post('pca')).toContain('详见[下一章](/posts/lda/)。');
  });

  it('is idempotent and never overwrites a post that differs, unless --force', () => {
    const again = runImport('tests/fixtures/import/hexo');
    expect(again.status).toBe(0);
    expect(again.output).toContain('0 written, 1 unchanged, 0 skipped');
    const file = join(CONTENT, 'gradient-notes', 'index.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\n作者后来加的一段。\n`);
    const refused = runImport('tests/fixtures/import/hexo');
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(
      /skipped \(.*gradient-notes\/index\.md exists and differs \(use --force to replace it\)\)/,
    );
    expect(readFileSync(file, 'utf8')).toContain('作者后来加的一段。');
    const dry = runImport('tests/fixtures/import/hexo', '--force', '--dry-run');
    expect(dry.output).toContain('dry run, nothing written');
    expect(readFileSync(file, 'utf8')).toContain('作者后来加的一段。');
    expect(runImport('tests/fixtures/import/hexo', '--force').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('refuses an unknown --from and a missing folder argument', () => {
    expect(runImport('tests/fixtures/import/hexo', '--from', 'wordpress').output).toMatch(
      /--from must be one of hexo, hugo/,
    );
    expect(spawnSync(process.execPath, ['scripts/import.ts'], { cwd: projectRoot, encoding: 'utf8' }).status).toBe(2);
  });
});

describe('the imported posts', () => {
  it('build, with their images, links and callouts', () => {
    expect(build.status, build.output).toBe(0);
    const site = build.outDir;
    // The Jekyll post was unpublished: a draft, not in the feed.
    expect(cardTitles(site, '/')).not.toContain('kd 树搜索');
    expect(existsSync(join(site, 'posts', 'kd-search'))).toBe(false);
    const gradient = loadPage(site, '/posts/gradient-notes/');
    expect(gradient('.prose li strong').text()).toBe('效果好');
    expect(gradient('.prose img')).toHaveLength(3);
    const pca = loadPage(site, '/posts/pca/');
    expect(pca('h1')).toHaveLength(1);
    expect(pca('figure figcaption').text()).toContain('图 1 投影方向');
    expect(pca('.katex-display')).toHaveLength(1);
    const tree = loadPage(site, '/posts/决策树/');
    expect(
      tree('.prose a[href="/posts/%E9%9A%8F%E6%9C%BA%E6%A3%AE%E6%9E%97/"], .prose a[href="/posts/随机森林/"]'),
    ).toHaveLength(1);
  });
});
