// Search at scale: the large sample corpus (scripts/build-corpus.sh: 17,000 items) in headless
// Chromium at 412×823, side by side with MiniSearch (npm) on the same documents in the same page.
// Measures, with 4× CPU slowdown: the time per keystroke from typing to the suggestions being in
// the DOM (ours, end to end, with the parts the query needs loaded) and MiniSearch's query time
// alone; and, under Slow 4G, the time until the first suggestions appear after the first
// keystroke and the bytes a whole search fetches (suggestions while typing, then the results page).
// Usage: node scripts/bench-search.mjs [--dir dist-corpus] [--query "compras publicas peru"]
import fs from 'node:fs';
import { launch, emulateSlowPhone, appLive } from '../tests/e2e/browser.mjs';
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

// What a search fetches, by part of the index (response bytes as sent, headers included).
const parts = new Map();
const part = (url) => {
  let p;
  try { p = new URL(url).pathname; } catch { return null; } // data: and empty URLs

  if (!p.includes('/search/')) return null;
  if (/\/d\/\d+\.json$/.test(p)) return 'document texts (d/)';
  if (/\/c\/\d+\.json$/.test(p)) return 'chunks of postings (c/)';
  if (/\/w\/[^/]+\.json$/.test(p)) return 'vocabularies (w/)';
  if (/facets\.json$/.test(p)) return 'facets.json';
  if (/first\.json$|\/p\/[^/]+\.json$/.test(p)) return 'ready suggestions (first, p/)';
  return 'index.json';
};

/** Waits for `promise`; past its timeout, says what did not happen and goes on (a benchmark
 *  reports, it does not hang). */
async function waitOrSay(promise, what) {
  try { return await promise; } catch (e) { console.log(`warning: ${what}: ${String(e.message).split('\n')[0]}`); return null; }
}

// Waits for the suggestions drawn for the box's current value, with nothing left loading.
const settled = (page, want) => waitOrSay(page.waitForFunction((want) => {
  const list = document.querySelector('#search-suggestions');
  return list.dataset.q === want && list.getAttribute('aria-busy') === 'false';
}, want, { timeout: 120000 }), `suggestions for "${want}"`);

// 1. Under Slow 4G + 4× CPU, from a page already loaded: the first keystroke's suggestions, then
// the whole query typed at a person's pace and Enter (the results page): every byte fetched.
// No service worker: its own fetches are neither throttled nor seen by this page's network
// events, so a part it fetched would count as free and instant (a first visit has none yet).
// bypassCSP: MiniSearch (part 3) is injected into the same page as an inline script, which the
// site's security policy (scripts/serve.mjs serves it) would refuse; the app's own code is unchanged by it.
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, bypassCSP: true, serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${site.url}/es/about`);
// The app has taken over the pre-rendered page (the static one has a search box too).
await appLive(page);
await page.waitForFunction(() => !document.querySelector('.skeleton'));
await emulateSlowPhone(cdp);
const urls = new Map();
cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
cdp.on('Network.loadingFinished', (e) => {
  const k = part(urls.get(e.requestId) || '');
  if (k) parts.set(k, (parts.get(k) || 0) + e.encodedDataLength);
});
// Timed in the page (the first keystroke's event → the first real option in the list), as the
// test driver's own polling is slowed by the 4× CPU too.
await page.evaluate(() => {
  const list = document.querySelector('#search-suggestions');
  window.__first = new Promise((resolve) => {
    document.querySelector('#site-search').addEventListener('keydown', () => {
      const t = performance.now();
      const seen = () => list.querySelector('[role="option"]:not(.all):not(.loading)');
      const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); resolve(performance.now() - t); } });
      obs.observe(list, { childList: true, subtree: true });
      // Reported as not measured rather than waited for forever.
      setTimeout(() => { obs.disconnect(); resolve(NaN); }, 60000);
    }, { once: true });
  });
});
await page.locator('#site-search').click();
await page.keyboard.type(typed[0]);
await waitOrSay(page.waitForSelector('#search-suggestions [role="option"]:not(.all):not(.loading)', { timeout: 60000 }), 'first suggestions');
const firstMs = Math.round(await page.evaluate(() => window.__first));
if (Number.isNaN(firstMs)) console.log('warning: the first suggestions did not appear within 60 s');
const firstBytes = [...parts.values()].reduce((a, b) => a + b, 0);
const waits = [];
for (let i = 1; i < typed.length; i++) {
  const t = Date.now();
  await page.keyboard.type(typed[i]);
  await settled(page, typed.slice(0, i + 1));
  waits.push(Date.now() - t);
}
const suggestBytes = new Map(parts);
await page.keyboard.press('Enter');
await waitOrSay(page.waitForSelector('.results .result .result-title', { timeout: 120000 }), 'the results page');
await waitOrSay(page.waitForFunction(() => !document.querySelector('.results [aria-busy="true"]'), null, { timeout: 120000 }), 'the results texts');
const searchBytes = new Map(parts);

// 2. Keystrokes with the parts this query needs loaded (network back to normal, CPU still 4×
// slower): input → suggestions redrawn, nothing loading.
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
await page.goto(`${site.url}/es/about`);
await appLive(page);
await page.locator('#site-search').click();
// Once through at full speed, so every part is there.
for (let i = 0; i < typed.length; i++) { await page.keyboard.type(typed[i]); await settled(page, typed.slice(0, i + 1)); }
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
        const done = () => list.dataset.q === want && list.getAttribute('aria-busy') === 'false';
        const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(performance.now() - t); } });
        obs.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
        input.value += ch;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
        setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
      });
    }, ch);
    ours.push(ms);
  }
}
if (ours.some(Number.isNaN)) console.log('warning: some keystrokes did not settle within 5 s');

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

const contentBr = ['news', 'documents', 'events', 'topics', 'datasets'].reduce((s, f) => s + br(fs.readFileSync(`${dir}/content/${f}.json`)), 0);
const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
const indexOnly = (m) => total(m) - (m.get('document texts (d/)') || 0);
console.log(`corpus: ${mini.docs} documents; query typed: "${typed}" (${typed.length} keystrokes × 5)\n`);
console.log('| per keystroke, 4× CPU, parts loaded | median | p95 | max |\n|---|---:|---:|---:|');
const ok = ours.filter((x) => !Number.isNaN(x));
console.log(`| ours: input → suggestions in the DOM | ${pct(ok, 50).toFixed(1)} ms | ${pct(ok, 95).toFixed(1)} ms | ${Math.max(...ok).toFixed(1)} ms |`);
console.log(`| MiniSearch 7: query only | ${pct(mini.times, 50).toFixed(1)} ms | ${pct(mini.times, 95).toFixed(1)} ms | ${Math.max(...mini.times).toFixed(1)} ms |`);
console.log(`\n| Slow 4G (562.5 ms round trip) + 4× CPU | value |\n|---|---:|`);
console.log(`| first keystroke → first suggestions (box focused just before) | ${firstMs} ms |`);
console.log(`| bytes fetched for them | ${kb(firstBytes)} KiB |`);
console.log(`| later keystrokes → settled suggestions, as the test driver sees them: median / max (a new part is one or two round trips) | ${pct(waits, 50)} / ${Math.max(...waits)} ms |`);
console.log(`| index bytes for the typed query's suggestions | ${kb(indexOnly(suggestBytes))} KiB |`);
console.log(`| index bytes for the whole search (suggestions + results page with facets) | ${kb(indexOnly(searchBytes))} KiB |`);
console.log(`| document texts fetched (titles and snippets shown) | ${kb(searchBytes.get('document texts (d/)') || 0)} KiB |`);
console.log(`| total fetched for the search | ${kb(total(searchBytes))} KiB |`);
for (const [k, v] of [...searchBytes].sort()) console.log(`|   ${k} | ${kb(v)} KiB |`);
console.log(`| MiniSearch: the content files it must download to index in the browser (brotli) | ${kb(contentBr)} KiB |`);
console.log(`| MiniSearch: index build in the page (4× CPU) | ${mini.build.toFixed(0)} ms |`);
console.log(`| MiniSearch: serialized index (raw) | ${kb(mini.json)} KiB |`);
await browser.close();
site.stop();
