/**
 * npm run new -- "标题" [--slug my-slug] [--category 深度学习] [--tags a,b] [--mdx]
 *
 * Creates a draft post, <content>/<slug>/index.md (or .mdx), with valid front
 * matter dated today in the site's time zone, and prints its path. Refuses a
 * slug that a post already uses. Without --slug the slug comes from the title
 * (src/lib/title-slug.ts: Chinese as toneless pinyin).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Document, isSeq } from 'yaml';
import { formatIsoDate } from '../src/lib/dates.ts';
import { normalizeSlug } from '../src/lib/slug.ts';
import { slugFromTitle } from '../src/lib/title-slug.ts';
import { readPostSummaries } from '../src/content/post-files.ts';
import { build, CATEGORIES, site, type Category } from '../src/site.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string): never {
  console.error(`npm run new: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    category: { type: 'string', default: CATEGORIES[0] },
    tags: { type: 'string', default: '' },
    mdx: { type: 'boolean', default: false },
  },
});

const title = positionals.join(' ').trim();
if (title === '')
  fail('give the title: npm run new -- "标题" [--slug my-slug] [--category 深度学习] [--tags a,b] [--mdx]');
const category = values.category as Category;
if (!CATEGORIES.includes(category)) fail(`unknown category "${values.category}"; use one of: ${CATEGORIES.join(', ')}`);
const slug = values.slug === undefined ? slugFromTitle(title) : normalizeSlug(values.slug);
if (slug === '')
  fail(
    `no slug can be made from ${values.slug === undefined ? `the title "${title}"` : `"${values.slug}"`}; pass --slug with letters or digits`,
  );

const contentDir = resolve(root, site.contentDir);
const taken = readPostSummaries(contentDir, root).find((post) => post.slug === slug);
if (taken) fail(`the slug "${slug}" is already used by ${taken.display}; choose another with --slug`);
const folder = join(contentDir, slug);
if (existsSync(folder)) fail(`${relative(root, folder)} already exists`);

const tags = values.tags
  .split(/[,，]/)
  .map((tag) => tag.trim())
  .filter(Boolean);
const date = formatIsoDate(build.now, site.timeZone);
const document = new Document({ title, date, category, tags, draft: true });
const tagList = document.get('tags', true);
if (isSeq(tagList)) tagList.flow = true; // tags: [a, b], quoted by YAML where needed
const frontMatter = document.toString({ flowCollectionPadding: false });
const body = [
  '---',
  frontMatter.trimEnd(),
  '# description: 写给首页卡片的一两句话摘要（可选，约 100–150 字）',
  '---',
  '',
  '开头一段：这篇文章讲什么，读者能得到什么。',
  '',
  '## 第一节',
  '',
  '正文。行内公式写作 $E = mc^2$，显示公式单独成段：',
  '',
  '$$',
  'a^2 + b^2 = c^2 \\label{eq:pythagoras}',
  '$$',
  '',
  '引用公式：:eqref[eq:pythagoras]。发布前删除 front matter 里的 `draft: true`。',
  '',
].join('\n');

mkdirSync(folder, { recursive: true });
const file = join(folder, values.mdx ? 'index.mdx' : 'index.md');
writeFileSync(file, body);
console.log(relative(root, file));
