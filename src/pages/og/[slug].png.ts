/** /og/<slug>.png: the Open Graph image of every visible post, drawn by src/integrations/og-image.ts. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getVisiblePosts } from '../../data/posts.ts';
import { formatIsoDate } from '../../lib/dates.ts';
import { ogImageBatch, type OgImageInput } from '../../integrations/og-image.ts';
import { site } from '../../site.config.ts';

export const getStaticPaths = (async () => {
  const posts = await getVisiblePosts();
  const images: OgImageInput[] = posts.map((post) => ({
    title: post.data.title,
    category: post.data.category,
    date: formatIsoDate(post.data.date, site.timeZone),
    siteName: site.title,
  }));
  // Pages are generated in this order; the batch draws the next images ahead.
  const draw = ogImageBatch(images);
  return posts.map((post, index) => ({ params: { slug: post.id }, props: { image: images[index]!, draw } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await props.draw(props.image), { headers: { 'Content-Type': 'image/png' } });
