/**
 * npm run import -- <folder> [--from hexo|hugo|jekyll|docsify|vuepress|obsidian|plain] [--dry-run] [--force]
 *
 * Brings a folder of posts written for another tool into the content folder
 * (src/import/importer.ts) and prints the report: posts written, skipped and
 * why, every mapping and conversion, and what needs the author's attention.
 * Exits 1 when a post was skipped, so a script notices.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, runImport } from '../src/import/importer.ts';
import { SOURCE_KINDS, type SourceKind } from '../src/import/source-kind.ts';
import { site } from '../src/site.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = `npm run import -- <folder> [--from ${SOURCE_KINDS.join('|')}] [--dry-run] [--force]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});
if (positionals.length !== 1) {
  console.error(`npm run import: give one folder to import from: ${usage}`);
  process.exit(2);
}
if (values.from !== undefined && !(SOURCE_KINDS as readonly string[]).includes(values.from)) {
  console.error(`npm run import: --from must be one of ${SOURCE_KINDS.join(', ')}, not "${values.from}"`);
  process.exit(2);
}

const report = runImport({
  from: resolve(process.cwd(), positionals[0]!),
  ...(values.from ? { kind: values.from as SourceKind } : {}),
  contentDir: resolve(root, site.contentDir),
  root,
  dryRun: values['dry-run'],
  force: values.force,
});
console.log(formatReport(report, values['dry-run']));
process.exit(report.posts.some((post) => post.status === 'skipped') ? 1 : 0);
