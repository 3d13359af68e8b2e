/** /rss.xml: RSS 2.0 with the latest posts, each with its excerpt. */
import type { APIRoute } from 'astro';
import { feedResponse } from '../data/rss-feed.ts';

export const GET: APIRoute = () => feedResponse('excerpt');
