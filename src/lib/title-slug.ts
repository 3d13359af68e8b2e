/**
 * A slug for a new post from its title, when the author gives none: Chinese
 * characters become toneless pinyin, Latin words and digits stay, everything is
 * joined with "-" and lower-cased, then cut to at most 60 characters at a "-".
 * "PCA 原理总结" → "pca-yuan-li-zong-jie". The result only holds a-z, 0-9 and "-",
 * so it is safe in every URL, file system and shell.
 */
import { pinyin } from 'pinyin-pro';
import { normalizeSlug } from './slug.ts';

const MAX_LENGTH = 60;

export function slugFromTitle(title: string): string {
  const syllables = pinyin(title.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const ascii = syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const slug = normalizeSlug(ascii);
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return cut.slice(0, lastDash > 20 ? lastDash : MAX_LENGTH).replace(/-+$/, '');
}
