/**
 * Browser-test plumbing: the built site served on 127.0.0.1 (with its base path)
 * and Debian's chromium driven by playwright-core. Nothing is fetched from
 * outside: every request the page makes is recorded so tests can assert that.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface StaticSite {
  /** Origin plus base path, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Behave like a production host: gzip text responses, cache hashed assets for a year. */
  production?: boolean;
}

/** Serves `dir` under `base` ("/" or "/blog/"); 404s get dist/404.html when present. */
export async function serveSite(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticSite> {
  const files = options.production
    ? (request: IncomingMessage, response: ServerResponse, next: () => void) =>
        serveLikeProduction(dir, request, response, next)
    : sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('outside the base path');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    files(request, response, () => {
      response.statusCode = 404;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end('<!doctype html><title>404</title><h1>404</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Like a production host: gzip for text, a year of caching for hashed assets, revalidation for the rest. */
function serveLikeProduction(
  dir: string,
  request: IncomingMessage,
  response: ServerResponse,
  notFound: () => void,
): void {
  const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
  let file = join(dir, path);
  if (!file.startsWith(dir)) return notFound();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return notFound();
  let body = readFileSync(file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  response.setHeader('content-type', type);
  response.setHeader(
    'cache-control',
    /\/_astro\//.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
  );
  if (/text|javascript|json|svg|xml/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body);
    response.setHeader('content-encoding', 'gzip');
  }
  response.end(body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * A reader's search in the header dialog: opens the site's feed, opens the
 * dialog, types `term` and waits for Pagefind's first result link, which it returns.
 */
export async function searchInDialog(page: Page, siteUrl: string, term: string): Promise<Locator> {
  await page.goto(siteUrl);
  await page.locator('[data-search-trigger]').click();
  await page.locator('#search-dialog-input').fill(term);
  const first = page.locator('#search-dialog [data-search-results] a').first();
  await first.waitFor();
  return first;
}
