/**
 * Writes N synthetic posts that look like the real ones, deterministically
 * (same N and seed → same bytes): ~2,000 Chinese characters mixed with English
 * terms, 3–6 inline and 1–3 display formulas, 1–3 code blocks (python, bash,
 * cpp), a table, headings, categories and tags from the site's set; every fifth
 * post is .mdx (--mdx-every). Formulas and code are assembled from random parts, so that no
 * two posts share them and a cache cannot stand in for rendering.
 *
 *   node scripts/bench/generate-corpus.ts --out DIR [--count 1000] [--seed 1] [--mdx-every 5]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES } from '../../src/site.config.ts';

/** mulberry32: a small, fast, seedable PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  '模型',
  '损失函数',
  '梯度',
  '特征',
  '样本',
  '参数',
  '优化器',
  '数据集',
  '网络',
  '正则项',
  '分类器',
  '批量',
  '学习率',
  '注意力',
  '卷积核',
  '决策树',
  '向量',
  '矩阵',
  '分布',
  '估计量',
];
const VERBS = [
  '决定了',
  '影响',
  '约束',
  '刻画',
  '放大了',
  '削弱了',
  '依赖于',
  '近似',
  '对应',
  '改变了',
  '保留了',
  '压缩了',
];
const OBJECTS = [
  '收敛速度',
  '泛化误差',
  '方差',
  '偏差',
  '计算量',
  '显存占用',
  '训练稳定性',
  '表达能力',
  '数值精度',
  '推理延迟',
  '样本效率',
  '决策边界',
];
const LINKS = ['因此', '同时', '不过', '换句话说', '实际上', '在实践中', '更重要的是', '另一方面', '通常', '此外'];
const TERMS = [
  'PyTorch',
  'SGD',
  'Adam',
  'batch norm',
  'dropout',
  'ReLU',
  'softmax',
  'cross entropy',
  'GPU',
  'CUDA',
  'NumPy',
  'SVD',
  'KL divergence',
  'embedding',
  'transformer',
  'logits',
  'AUC',
  'F1 score',
];
const TAGS = ['优化', '正则化', '概率', '线性代数', '卷积', '训练技巧', '推导', '工程', '评估', '采样'];
const LETTERS = ['x', 'y', 'z', 'w', 'u', 'v', 'a', 'b', 'h', 'g'];
const GREEK = ['\\alpha', '\\beta', '\\gamma', '\\lambda', '\\mu', '\\sigma', '\\theta', '\\eta', '\\tau', '\\phi'];

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function sentence(r: Rand): string {
  const term = r() < 0.5 ? ` ${pick(r, TERMS)} ` : '';
  return `${pick(r, LINKS)}，${pick(r, SUBJECTS)}${term}${pick(r, VERBS)}${pick(r, OBJECTS)}，而${pick(r, SUBJECTS)}的选择${pick(r, VERBS)}最终的${pick(r, OBJECTS)}。`;
}

function paragraph(r: Rand, inline: string[]): string {
  const parts = Array.from({ length: int(r, 4, 6) }, () => sentence(r));
  const formula = inline.shift();
  if (formula) parts.splice(int(r, 1, parts.length - 1), 0, `记 $${formula}$ 为对应的量，`);
  return parts.join('');
}

function term(r: Rand): string {
  const letter = pick(r, LETTERS);
  const roll = r();
  if (roll < 0.25) return `${letter}_{${int(r, 1, 9)}}`;
  if (roll < 0.5) return `${pick(r, GREEK)} ${letter}^{${int(r, 2, 4)}}`;
  if (roll < 0.75) return `\\frac{${letter}_{${pick(r, ['i', 'j', 'k'])}}}{${int(r, 2, 99)}}`;
  return `\\sqrt{${letter} + ${int(r, 1, 50)}}`;
}

function inlineFormula(r: Rand): string {
  return Array.from({ length: int(r, 2, 4) }, () => term(r)).join(pick(r, [' + ', ' - ', ' \\cdot ']));
}

function displayFormula(r: Rand): string {
  const index = pick(r, ['i', 'j', 'k', 'n']);
  const body = Array.from({ length: int(r, 2, 4) }, () => term(r)).join(' + ');
  const shapes = [
    `\\mathcal{L}(${pick(r, GREEK)}) = \\sum_{${index}=1}^{${pick(r, ['N', 'M', 'T'])}} \\left( ${body} \\right)^2`,
    `\\nabla_{${pick(r, GREEK)}} J = \\frac{1}{${int(r, 2, 512)}} \\sum_{${index}} ${body}`,
    `\\begin{aligned} ${pick(r, LETTERS)}^{*} &= \\arg\\min_{${pick(r, LETTERS)}} ${body} \\\\ &\\le ${int(r, 1, 1000)} ${pick(r, GREEK)} \\end{aligned}`,
    `p(${pick(r, LETTERS)} \\mid ${pick(r, GREEK)}) = \\frac{\\exp(${body})}{\\int \\exp(${term(r)}) \\, d${pick(r, LETTERS)}}`,
  ];
  return pick(r, shapes);
}

function codeBlock(r: Rand, n: number): string {
  const lang = pick(r, ['python', 'bash', 'cpp'] as const);
  const name = `${pick(r, ['train', 'score', 'update', 'sample', 'project'])}_${n}_${int(r, 0, 9999)}`;
  const k = int(r, 2, 512);
  if (lang === 'python') {
    return [
      '```python',
      'import numpy as np',
      '',
      `def ${name}(x: np.ndarray, lr: float = ${(r() / 10).toFixed(4)}) -> np.ndarray:`,
      `    """Step ${n}: scale by ${k}."""`,
      `    grad = x @ x.T / ${k}`,
      `    return x - lr * grad.sum(axis=${int(r, 0, 1)})`,
      '',
      `print(${name}(np.ones((${int(r, 2, 8)}, ${int(r, 2, 8)}))))`,
      '```',
    ].join('\n');
  }
  if (lang === 'bash') {
    return [
      '```bash',
      `export RUN_ID=${name}`,
      `torchrun --nproc_per_node=${int(r, 1, 8)} train.py --epochs ${int(r, 1, 300)} --lr ${(r() / 10).toFixed(4)}`,
      `grep -c "loss" logs/$RUN_ID.log | tee counts_${k}.txt`,
      '```',
    ].join('\n');
  }
  return [
    '```cpp',
    '#include <vector>',
    '',
    `double ${name}(const std::vector<double>& xs) {`,
    `  double acc = ${k}.0;`,
    `  for (double x : xs) acc += x * ${(r() * 10).toFixed(3)};`,
    `  return acc / xs.size();`,
    '}',
    '```',
  ].join('\n');
}

function table(r: Rand): string {
  const rows = Array.from(
    { length: int(r, 3, 5) },
    () => `| ${pick(r, TERMS)} | ${(r() * 100).toFixed(2)} | ${int(r, 1, 999)} |`,
  );
  return ['| 方法 | 准确率 (%) | 参数量 (M) |', '| --- | ---: | ---: |', ...rows].join('\n');
}

export function synthesizePost(index: number, seed: number, mdxEvery = 5): { name: string; text: string } {
  const r = random(seed * 1_000_003 + index);
  const mdx = mdxEvery > 0 && index % mdxEvery === mdxEvery - 1;
  const inline = Array.from({ length: int(r, 3, 6) }, () => inlineFormula(r));
  const displays = Array.from({ length: int(r, 1, 3) }, () => displayFormula(r));
  const codes = Array.from({ length: int(r, 1, 3) }, (_, n) => codeBlock(r, n));
  // Two posts a day from 2010 on: 10,000 posts end in 2023, so every post is already published.
  const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(index / 2) * 86_400_000).toISOString().slice(0, 10);
  const tags = [...new Set([pick(r, TAGS), pick(r, TAGS)])];
  const sections: string[] = [];
  for (let s = 0; s < 5; s++) {
    sections.push(`## 第 ${s + 1} 节：${pick(r, SUBJECTS)}与${pick(r, OBJECTS)}`);
    sections.push(paragraph(r, inline), paragraph(r, inline), paragraph(r, inline));
    if (s < displays.length) sections.push(`$$\n${displays[s]}\n$$`);
    if (s < codes.length) sections.push(codes[s]!);
    if (s === 3) sections.push(table(r));
  }
  const front = [
    '---',
    `title: 合成文章 ${index + 1}：${pick(r, SUBJECTS)}如何${pick(r, VERBS)}${pick(r, OBJECTS)}`,
    `date: ${day}`,
    `category: ${pick(r, CATEGORIES)}`,
    `tags: [${tags.join(', ')}]`,
    '---',
  ];
  const body = mdx ? [`export const runId = ${index};`, '', ...sections, '', '本文编号 {runId}。'] : sections;
  return {
    name: `post-${String(index + 1).padStart(5, '0')}.${mdx ? 'mdx' : 'md'}`,
    text: `${front.join('\n')}\n\n${body.join('\n\n')}\n`,
  };
}

export async function writeCorpus(outDir: string, count: number, seed = 1, mdxEvery = 5): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { name, text } = synthesizePost(i, seed, mdxEvery);
    await writeFile(join(outDir, name), text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      'mdx-every': { type: 'string', default: '5' },
    },
  });
  if (!values.out)
    throw new Error('usage: generate-corpus.ts --out DIR [--count N] [--seed S] [--mdx-every K (0: no .mdx)]');
  await writeCorpus(resolve(values.out), Number(values.count), Number(values.seed), Number(values['mdx-every']));
  console.log(`wrote ${values.count} posts to ${values.out}`);
}
