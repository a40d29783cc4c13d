// What the benchmark scripts share: sizes as a static host would send them (brotli), medians
// and percentiles, and a page on the emulated slow phone.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { emulateSlowPhone, BENCH_PHONE } from '../tests/e2e/browser.mjs';

/** Bytes of `buf` compressed with brotli at its highest quality. */
export const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The median (the mean of the two middle values for an even count). */
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** The p-th percentile (nearest rank). */
export const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

const served = new Map();
/** Brotli size of the file that the static server in `dir` answers for a request path
 *  (404.html for paths without a file, as a static host's fallback). */
export function servedBrotli(dir, url) {
  const rel = decodeURIComponent(url.split('?')[0]).replace(/^\//, '');
  let file = path.join(dir, rel);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, '404.html');
  if (!served.has(file)) served.set(file, br(fs.readFileSync(file)));
  return served.get(file);
}

/** A page on the benchmarks' phone, emulated as `emulateSlowPhone` does with `emulation`.
 *  Without a service worker unless `worker` (the offline benchmark): once the site's worker
 *  claims the page, the files it fetches are neither throttled nor seen by the page's network
 *  events, so a cold load would be measured partly unthrottled. */
export async function slowPhonePage(browser, emulation, { worker = false } = {}) {
  const context = await browser.newContext({ ...BENCH_PHONE, serviceWorkers: worker ? 'allow' : 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await emulateSlowPhone(cdp, emulation);
  return { context, page, cdp };
}
