// Code loaded per route (issue 16): the size of every chunk, then every route loaded cold and
// in-app navigation from the home page, on the benchmarks' phone (Slow 4G as DevTools applies
// it: 562.5 ms per request, 1.47 Mbps; 4x CPU). Prints Markdown for BENCHMARKS.md.
// Usage: node scripts/bench-routes.mjs [--dir dist] [--runs 5] [--only sizes|routes|nav]
//        [--routes /es/,/es/events] [--single KIB] (the single wasm it replaces, to compare)
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';
import { br, median, servedBrotli, slowPhonePage } from './bench-lib.mjs';
import { serve } from '../tests/e2e/server.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist');
const runs = Number(opt('runs', '5'));
const only = opt('only', '');
const single = Number(opt('single', '0'));
const kib = (n) => (n / 1024).toFixed(1);
const ms = (n) => (Number.isFinite(n) ? String(Math.round(n)) : 'n/a');

// 1. Sizes: the main module and script, each split with the shared chunks it loads.
if (!only || only === 'sizes') {
  const build = JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8'));
  const size = new Map();
  for (const f of fs.readdirSync(path.join(dir, 'app'))) size.set(`app/${f}`, br(fs.readFileSync(path.join(dir, 'app', f))));
  const sum = (files) => files.reduce((a, f) => a + (size.get(f) ?? 0), 0);
  const mainFiles = [...size.keys()].filter((f) => /\/observatorio[-_]/.test(f));
  console.log(`### Chunks (${dir}, brotli)\n`);
  console.log('| what | files | own KiB | with what it loads, KiB |\n|---|---:|---:|---:|');
  console.log(`| main module + script (every page) | ${mainFiles.length} | ${kib(sum(mainFiles))} | ${kib(sum(mainFiles))} |`);
  for (const [split, files] of Object.entries(build.splits)) {
    const own = files.filter((f) => f.includes(`/split_${split}-`));
    console.log(`| ${split} | ${files.length} | ${kib(sum(own))} | ${kib(sum(files) + sum(mainFiles))} (main + ${kib(sum(files))}) |`);
  }
  const wasm = [...size.keys()].filter((f) => f.endsWith('.wasm'));
  const all = sum(wasm);
  console.log(`| all wasm files together | ${wasm.length} | | ${kib(all)}${single ? ` (${((all / 1024 / single - 1) * 100).toFixed(1)} % against the single ${single} KiB)` : ''} |\n`);
}

/** A cold load of `route`: when the app is live (`#app[data-live]`, no skeleton), its LCP, and
 *  what it transferred (with headers) and needed of code (brotli bodies of .js and .wasm). */
async function cold(browser, site, route) {
  const { context, page, cdp } = await slowPhonePage(browser);
  let bytes = 0;
  const urls = [];
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  cdp.on('Network.requestWillBeSent', (e) => { if (e.request.url.startsWith(site.url)) urls.push(e.request.url.slice(site.url.length)); });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
    new MutationObserver((_, obs) => {
      if (document.querySelector('#app[data-live] main') && !document.querySelector('main .skeleton')) { window.__live = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(site.url + route, { waitUntil: 'commit' });
  let live = NaN;
  try {
    await page.waitForFunction(() => window.__live, null, { timeout: 30000 });
    live = await page.evaluate(() => window.__live);
  } catch { console.log(`warning: ${route} was not live within 30 s`); }
  await page.waitForTimeout(800);
  const lcp = await page.evaluate(() => window.__lcp);
  const code = urls.filter((u) => /\.(js|wasm)(\?|$)/.test(u)).reduce((a, u) => a + servedBrotli(dir, u), 0);
  await context.close();
  return { live, lcp, bytes, code, requests: urls.length };
}

const site = await serve(dir, '/');
const browser = await launch();

// 2. Every route, cold.
if (!only || only === 'routes') {
  const routes = opt('routes', '/es/,/es/news/observatory-launch,/es/news,/es/documents,/es/documents/lima-declaration-2019,/es/topics,/es/topics/sustainable-procurement,/es/events,/es/events?view=month,/es/events/observatory-launch-2023,/es/data,/es/data/promotion-activities-2022,/es/about,/es/search?q=compras,/es/embed,/es/indicators,/es/indicators/mexico').split(',');
  console.log(`### Every route, cold (${runs} runs each, medians; Slow 4G + 4x CPU)\n`);
  console.log('| route | live (ms) | LCP (ms) | transferred KiB | JS + wasm KiB (brotli) | requests |\n|---|---:|---:|---:|---:|---:|');
  for (const route of routes) {
    const s = [];
    for (let i = 0; i < runs; i++) s.push(await cold(browser, site, route));
    const m = (k) => median(s.map((x) => x[k]).filter(Number.isFinite));
    console.log(`| ${route} | ${ms(m('live'))} | ${ms(m('lcp'))} | ${kib(m('bytes'))} | ${kib(m('code'))} | ${m('requests')} |`);
  }
  console.log();
}

// 3. In-app navigation from the home page, its chunk not prefetched: the click (a link the
// reader never hovered) → the route drawn (its heading, no skeleton left).
if (!only || only === 'nav') {
  const targets = ['/es/indicators', '/es/search?q=compras', '/es/events?view=month', '/es/data'];
  console.log(`### In-app navigation from the home page, chunk not prefetched (${runs} runs each, medians)\n`);
  console.log('| to | skeleton shown (ms) | route drawn (ms) | fetched KiB |\n|---|---:|---:|---:|');
  for (const to of targets) {
    const s = [];
    for (let i = 0; i < runs; i++) {
      const { context, page, cdp } = await slowPhonePage(browser);
      await page.goto(site.url + '/es/');
      await page.waitForSelector('#app[data-live]', { state: 'attached', timeout: 30000 });
      await page.waitForTimeout(500);
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
      const t = await page.evaluate((href) => new Promise((resolve) => {
        const t0 = performance.now();
        let shown = NaN;
        // The home page's content, to tell the new route's heading from the old one's.
        const old = document.querySelector('main h1');
        const done = () => {
          const main = document.querySelector('main');
          if (!main || main.contains(old)) return;
          if (Number.isNaN(shown) && main.querySelector('.skeleton')) shown = performance.now() - t0;
          if (main.querySelector('h1') && !main.querySelector('.skeleton, .section-name')) {
            obs.disconnect();
            resolve({ shown, drawn: performance.now() - t0 });
          }
        };
        const obs = new MutationObserver(done);
        obs.observe(document.querySelector('#app'), { childList: true, subtree: true });
        const a = document.createElement('a');
        a.href = href;
        document.querySelector('main').append(a);
        a.click();
        setTimeout(() => { obs.disconnect(); resolve({ shown, drawn: NaN }); }, 30000);
      }), to);
      s.push({ ...t, bytes });
      await context.close();
    }
    const m = (k) => median(s.map((x) => x[k]).filter(Number.isFinite));
    console.log(`| ${to} | ${ms(m('shown'))} | ${ms(m('drawn'))} | ${kib(m('bytes'))} |`);
  }
  console.log();
}

await browser.close();
site.stop();
