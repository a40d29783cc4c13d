// Benchmark of the release build: bytes per asset (raw and brotli) and the home page's first
// contentful and largest contentful paint in headless Chromium under Lighthouse's mobile
// emulation (Slow 4G as DevTools applies it: 562.5 ms per request, 1.47 Mbps down, 0.68 Mbps up;
// 4x CPU slowdown). Prints medians of several runs as Markdown for BENCHMARKS.md.
// Usage: node scripts/bench.mjs [--dir dist] [--runs 7] [--path /es/] [--no-sizes]
// (--no-sizes skips the table of bytes on disk: minutes with a corpus of 17,000 items.)
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';
import { br, median, servedBrotli, slowPhonePage } from './bench-lib.mjs';
import { serve } from '../tests/e2e/server.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist');
const runs = Number(opt('runs', '7'));
const route = opt('path', '/es/');

const kb = (n) => (n / 1024).toFixed(1);

// 1. Bytes on disk, by kind.
const kinds = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/, json: /\.json$/, html: /\.html$/ };
const totals = {};
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
for (const file of args.includes('--no-sizes') ? [] : walk(dir)) {
  if (file.endsWith('404.html')) continue;
  const kind = Object.keys(kinds).find((k) => kinds[k].test(file));
  if (!kind) continue;
  const buf = fs.readFileSync(file);
  totals[kind] ??= { files: 0, raw: 0, br: 0 };
  totals[kind].files += 1;
  totals[kind].raw += buf.length;
  totals[kind].br += br(buf);
}

// 2. Paint timings and bytes transferred for the first view, under emulation.
const site = await serve(dir, '/');
const browser = await launch();
const samples = [];
for (let i = 0; i < runs; i++) {
  const { context, page, cdp } = await slowPhonePage(browser);
  let bytes = 0;
  const requests = [];
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  cdp.on('Network.requestWillBeSent', (e) => requests.push(e.request.url.replace(site.url, '')));
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
    // When the app has taken over (`#app[data-live]`: the static first view, pre-rendered or
    // generic, is gone) and every section shows its content.
    new MutationObserver((_, obs) => {
      if (document.querySelector('#app[data-live] main') && !document.querySelector('.skeleton')) {
        window.__ready = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(site.url + route, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.querySelector('#app[data-live]') && !document.querySelector('.skeleton'), null, { timeout: 30000 });
  await page.waitForTimeout(500);
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    ready: window.__ready ?? NaN,
    app: performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.endsWith('.json')).reduce((m, r) => Math.max(m, r.responseEnd), 0),
  }));
  // The same requests counted as file bodies (brotli), without HTTP headers.
  const body = requests.reduce((sum, url) => sum + servedBrotli(dir, url), 0);
  samples.push({ ...t, bytes, body, requests: requests.length });
  await context.close();
}
await browser.close();
site.stop();

const m = (k) => median(samples.map((s) => s[k]));
const date = new Date().toISOString().slice(0, 10);
console.log(`### ${date} — ${route}, ${runs} runs (medians)\n`);
console.log('| asset | files | raw KiB | brotli KiB |\n|---|---:|---:|---:|');
let raw = 0, comp = 0;
for (const [k, v] of Object.entries(totals)) { raw += v.raw; comp += v.br; console.log(`| ${k} | ${v.files} | ${kb(v.raw)} | ${kb(v.br)} |`); }
console.log(`| all | | ${kb(raw)} | ${kb(comp)} |\n`);
console.log('| first view under Slow 4G + 4x CPU | median | min | max |\n|---|---:|---:|---:|');
for (const [k, label, fmt] of [['fcp', 'first contentful paint (ms)', Math.round], ['lcp', 'largest contentful paint (ms)', Math.round], ['app', 'content files loaded (ms)', Math.round], ['ready', 'all sections rendered (ms)', Math.round], ['bytes', 'bytes transferred, with headers (KiB)', kb], ['body', 'first-view files, brotli (KiB)', kb], ['requests', 'requests', (x) => x]]) {
  const xs = samples.map((s) => s[k]);
  console.log(`| ${label} | ${fmt(m(k))} | ${fmt(Math.min(...xs))} | ${fmt(Math.max(...xs))} |`);
}
