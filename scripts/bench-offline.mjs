// Issue 18's budgets: the service worker's size (≤ 4 KB brotli), what a first visit precaches
// (≤ 1 MB), that nothing of the worker is asked for before the page is live, and the first paint
// of a visited page reloaded offline (≤ 0.5 s) on the benchmarks' phone (4× CPU; a first visit on
// Slow 4G, then the reload with the network cut).
// Usage: node scripts/bench-offline.mjs [--dir dist] [--runs 5] [--path /es/documents/…]
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { br, median, slowPhonePage } from './bench-lib.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const dir = opt('dir', 'dist');
const runs = Number(opt('runs', '5'));
const visit = opt('path', '/es/documents/environment-declaration-2019');

const worker = fs.readFileSync(path.join(dir, 'sw.js'));
const list = JSON.parse(String(worker).match(/PRECACHE=(\[[^\]]*\])/)[1]);
const file = (p) => path.join(dir, p.endsWith('/') ? p + 'index.html' : p);
const bytes = (p) => (/\.png$/.test(p) ? fs.statSync(file(p)).size : br(fs.readFileSync(file(p))));
const perLang = (lang) => list.filter((p) => !/^(es|en)\/|^manifest\.(es|en)\./.test(p) || p.startsWith(lang + '/') || p.includes(`.${lang}.`));
console.log(`service worker: ${(br(worker) / 1024).toFixed(2)} KiB brotli (${worker.length} B raw)`);
for (const lang of ['es', 'en']) {
  const files = perLang(lang);
  const total = files.reduce((s, p) => s + bytes(p), 0);
  console.log(`precache of the ${lang} worker: ${files.length} files, ${(total / 1024).toFixed(1)} KiB as served (brotli; PNGs as they are)`);
}

const site = await serve(dir, '/');
const browser = await launch();
const paints = [];
let early = 0;
for (let i = 0; i < runs; i++) {
  const { context, page } = await slowPhonePage(browser, undefined, { worker: true });
  await page.goto(site.url + visit);
  await page.waitForFunction(() => document.querySelector('#app[data-live]'), null, { timeout: 60000 });
  if (await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))) early++;
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 120000 });
  await page.waitForFunction(async (u) => Boolean(await caches.match(u)), site.url + visit, { timeout: 120000 });
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  // From the cache, `load` may come before the first frame: the paint entry is awaited.
  paints.push(await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const fcp = list.getEntriesByName('first-contentful-paint')[0];
      if (fcp) resolve(fcp.startTime);
    }).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(NaN), 10000);
  })));
  await context.close();
}
await browser.close();
site.stop();
console.log(`worker registered before the page was live: ${early} of ${runs} runs`);
console.log(`offline reload of ${visit}: first contentful paint, median ${Math.round(median(paints))} ms (runs: ${paints.map(Math.round).join(', ')})`);
