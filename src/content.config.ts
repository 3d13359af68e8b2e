/**
 * The posts collection: where posts come from (postsLoader) and what their
 * front matter must hold. Field errors name the file and the field.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { CATEGORIES, site } from './site.config.ts';
import { parseCalendarText, zonedTimeToInstant } from './lib/dates.ts';
import { cleanMetadataText } from './lib/metadata-text.ts';
import { postsLoader } from './content/posts-loader.ts';

/** "YYYY-MM-DD" (optionally "HH:MM") in the site's time zone; rejects dates that do not exist. */
const calendarDate = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'date is missing (write date: YYYY-MM-DD)' : 'the date must be written as YYYY-MM-DD',
  })
  .transform((text, context) => {
    const parts = parseCalendarText(text);
    if (typeof parts === 'string') {
      context.addIssue({ code: 'custom', message: parts });
      return z.NEVER;
    }
    return zonedTimeToInstant(parts, site.timeZone);
  });

/**
 * Text fields drop control characters and bidi overrides (cleanMetadataText)
 * before they are trimmed and checked, so a title of only "\a" is blank.
 */
const nonBlank = (field: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is missing` : `${field} must be text`) })
    .overwrite(cleanMetadataText)
    .trim()
    .min(1, { error: `${field} must not be blank` });

export const postSchema = z
  .strictObject({
    title: nonBlank('title'),
    date: calendarDate,
    updated: calendarDate.optional(),
    category: z.enum(CATEGORIES, {
      error: (issue) =>
        `category ${issue.input === undefined ? 'is missing' : `"${String(issue.input)}" is unknown`}; use one of: ${CATEGORIES.join(', ')}`,
    }),
    tags: z.array(nonBlank('a tag'), { error: 'tags must be a list, e.g. [PCA, 降维]' }).default([]),
    description: nonBlank('description').optional(),
    draft: z.boolean({ error: 'draft must be true or false (unquoted)' }).default(false),
    slug: z.string().overwrite(cleanMetadataText).optional(),
    series: nonBlank('series').optional(),
    seriesOrder: z.number({ error: 'seriesOrder must be a number' }).int().positive().optional(),
    pinned: z.boolean({ error: 'pinned must be true or false (unquoted)' }).default(false),
  })
  .refine((post) => post.updated === undefined || post.updated >= post.date, {
    error: 'updated must not be earlier than date',
    path: ['updated'],
  });

const posts = defineCollection({
  loader: postsLoader({ dir: site.contentDir }),
  schema: postSchema,
});

export const collections = { posts };
