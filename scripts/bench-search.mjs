// Search at scale: the large sample corpus (scripts/build-corpus.sh: 17,000 items) in headless
// Chromium at 412×823, side by side with MiniSearch (npm) on the same documents in the same page.
// Measures, with 4× CPU slowdown: the time per keystroke from typing to the suggestions being in
// the DOM (ours, end to end) and MiniSearch's query time alone; and, under Slow 4G, the time and
// bytes until the first suggestions appear after the first keystroke.
// Usage: node scripts/bench-search.mjs [--dir dist-corpus] [--query "compras publicas peru"]
import fs from 'node:fs';
import { launch, emulateSlowPhone } from '../tests/e2e/browser.mjs';
import { br, pct } from './bench-lib.mjs';
import { serve } from '../tests/e2e/server.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist-corpus');
const typed = opt('query', 'compras publicas sostenibles peru');
const kb = (n) => (n / 1024).toFixed(1);
const miniSrc = fs.readFileSync(new URL('../node_modules/minisearch/dist/umd/index.js', import.meta.url), 'utf8');

const site = await serve(dir, '/');
const browser = await launch();

// 1. First results under Slow 4G + 4× CPU, from a page already loaded (the box is used later).
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${site.url}/es/about`);
await page.waitForSelector('main h1');
await page.waitForFunction(() => !document.querySelector('.skeleton'));
await emulateSlowPhone(cdp);
let bytes = 0;
cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
const t0 = Date.now();
await page.locator('#site-search').click();
await page.keyboard.type(typed[0]);
// A real result, not the "loading" option shown while the files download and the index builds.
await page.waitForSelector('#search-suggestions [role="option"]:not(.all):not(.loading)', { timeout: 300000 });
const firstMs = Date.now() - t0;
const firstBytes = bytes;

// 2. Keystrokes with the index ready (network back to normal, CPU still 4× slower).
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
const ours = [];
for (let round = 0; round < 5; round++) {
  await page.locator('#site-search').fill('');
  for (const ch of typed) {
    const ms = await page.evaluate(async (ch) => {
      const input = document.querySelector('#site-search');
      const list = document.querySelector('#search-suggestions');
      const want = input.value + ch;
      return new Promise((resolve) => {
        const t = performance.now();
        // The list is redrawn for the new query in one batch; the observer runs after it.
        const obs = new MutationObserver(() => { if (list.dataset.q === want && !list.querySelector('.loading')) { obs.disconnect(); resolve(performance.now() - t); } });
        obs.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
        input.value += ch;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
        setTimeout(() => { obs.disconnect(); resolve(performance.now() - t); }, 2000);
      });
    }, ch);
    ours.push(ms);
  }
}

// 3. MiniSearch on the same documents, same page and CPU.
await page.addScriptTag({ content: miniSrc });
const mini = await page.evaluate(async (typed) => {
  const get = async (f, k) => (await (await fetch(`/content/${f}.json`)).json())[k];
  const files = [['news', 'news'], ['documents', 'documents'], ['events', 'events'], ['topics', 'topics'], ['datasets', 'datasets']];
  const docs = [];
  for (const [f, k] of files) {
    for (const d of await get(f, k)) {
      const body = (x) => Array.isArray(x?.es) ? x.es.join(' ') + ' ' + (x.en || []).join(' ') : '';
      docs.push({ id: `${f}:${d.id}`, title: `${d.title.es} ${d.title.en || ''}`, summary: `${d.summary.es} ${d.summary.en || ''}`, body: body(d.body || d.description) });
    }
  }
  const t0 = performance.now();
  const ms = new MiniSearch({ fields: ['title', 'summary', 'body'], storeFields: ['title'], searchOptions: { boost: { title: 3, summary: 2 }, prefix: true, fuzzy: 0.2 },
    processTerm: (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() });
  ms.addAll(docs);
  const build = performance.now() - t0;
  const times = [];
  for (let round = 0; round < 5; round++) {
    for (let i = 1; i <= typed.length; i++) {
      const t = performance.now();
      ms.search(typed.slice(0, i));
      times.push(performance.now() - t);
    }
  }
  return { build, times, docs: docs.length, json: JSON.stringify(ms).length };
}, typed);

// Bytes of the content files ours downloads (brotli), and MiniSearch's serialized index.
const contentBr = ['news', 'documents', 'events', 'topics', 'datasets'].reduce((s, f) => s + br(fs.readFileSync(`${dir}/content/${f}.json`)), 0);
console.log(`corpus: ${mini.docs} documents; query typed: "${typed}" (${typed.length} keystrokes × 5)\n`);
console.log('| per keystroke, 4× CPU | median | p95 | max |\n|---|---:|---:|---:|');
console.log(`| ours: input → suggestions in the DOM | ${pct(ours, 50).toFixed(1)} ms | ${pct(ours, 95).toFixed(1)} ms | ${Math.max(...ours).toFixed(1)} ms |`);
console.log(`| MiniSearch 7: query only | ${pct(mini.times, 50).toFixed(1)} ms | ${pct(mini.times, 95).toFixed(1)} ms | ${Math.max(...mini.times).toFixed(1)} ms |`);
console.log(`\n| first results, Slow 4G + 4× CPU | value |\n|---|---:|`);
console.log(`| ours: first keystroke → first suggestions | ${firstMs} ms |`);
console.log(`| ours: bytes fetched for it (content files, with headers) | ${kb(firstBytes)} KiB |`);
console.log(`| content files, brotli (what either engine must download when indexing in the browser) | ${kb(contentBr)} KiB |`);
console.log(`| MiniSearch: index build in the page (4× CPU) | ${mini.build.toFixed(0)} ms |`);
console.log(`| MiniSearch: serialized index (raw / brotli est.) | ${kb(mini.json)} KiB |`);
await browser.close();
site.stop();
