import { launchChromium, serveSite } from './tests/helpers/browser.ts';
const [dir, path, out, width] = process.argv.slice(2);
const site = await serveSite(dir!);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 } });
await page.goto(`${site.url}${path}`);
await page.waitForTimeout(500);
await page.screenshot({ path: out!, fullPage: false });
const info = await page.evaluate(() => ({
  displays: document.querySelectorAll('.katex-display').length,
  inline: document.querySelectorAll('.katex').length,
  h1: document.querySelectorAll('h1').length,
  errors: document.querySelectorAll('.katex-error').length,
}));
console.log(JSON.stringify(info));
await browser.close();
await site.close();
