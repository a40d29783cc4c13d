// Benchmark of the open-contracting indicators page with 100,000 processes
// (scripts/build-ocds-corpus.sh): bytes the Alliance page transfers (file bodies, brotli, as a
// static host would send them) and the time to its first figures under Slow 4G and 4× CPU
// slowdown; then, with the page loaded, the time from a filter change to every indicator, the
// comparison and the time series redrawn (a MutationObserver sees the change; timed when the task
// that draws it ends) and the longest task meanwhile.
// Usage: scripts/build-ocds-corpus.sh && node scripts/bench-indicators.mjs [--dir dist-ocds] [--runs 5]
import { launch, appLive } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { median, pct, servedBrotli, slowPhonePage } from './bench-lib.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist-ocds');
const runs = Number(opt('runs', '5'));
const route = opt('route', '/es/indicators');

const site = await serve(dir, '/');
const browser = await launch();
const loads = [];
const changes = [];
const longest = [];
// Changes to filters not yet seen in the visit, and back to ones seen (the page keeps the last
// few results, so going back computes nothing).
const fresh = [];
const back = [];
let processes = 0;
for (let run = 0; run < runs; run++) {
  const { context, page, cdp } = await slowPhonePage(browser);
  const requests = [];
  cdp.on('Network.requestWillBeSent', (e) => requests.push(e.request.url.replace(site.url, '')));
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    window.__progress = false;
    new MutationObserver((_, obs) => {
      if (document.querySelector('.indicators progress')) window.__progress = true;
      if (document.querySelector('#competitive-share .figure')) { window.__ready = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(site.url + route);
  await appLive(page);
  await page.waitForSelector('#competitive-share .figure', { timeout: 180000 });
  await page.waitForTimeout(300);
  const load = await page.evaluate(() => ({ ready: window.__ready, progress: window.__progress, long: Math.max(0, ...window.__long) }));
  const bytes = requests.reduce((s, u) => s + servedBrotli(dir, u), 0);
  processes = Number((await page.locator('.result-count').first().innerText()).replace(/[^\d]/g, ''));
  loads.push({ ...load, bytes, requests: requests.length });
  // Filter changes, network idle (the data is loaded), CPU still 4× slower.
  const years = await page.$$eval('#filter-year option', (os) => os.map((o) => o.value).filter(Boolean));
  const steps = [
    ...years.slice(0, 4).flatMap((y) => [['year', y], ['year', '']]),
    ['method', 'open'], ['method', ''], ['category', 'works'], ['category', ''], ['days', '7'], ['days', ''],
  ];
  const state = {};
  const seen = new Set([JSON.stringify(state)]);
  for (const [key, value] of steps) {
    state[key] = value;
    const id = JSON.stringify(Object.fromEntries(Object.entries(state).filter(([, v]) => v)));
    const revisit = seen.has(id);
    seen.add(id);
    const r = await page.evaluate(async ([key, value]) => {
      // The cards, the comparison and the time series (all redrawn by one change).
      const state = () => ['.result-count', '#short-submission .figure', '#competitive-share .figure', '#comparison tbody', '#time-series tbody']
        .map((q) => document.querySelector(q)?.textContent).join('|');
      const before = state();
      window.__long = [];
      return new Promise((resolve) => {
        let t0;
        const obs = new MutationObserver(() => {
          if (state() !== before) {
            obs.disconnect();
            // Timed when the task that redraws ends (every view the change touches is drawn,
            // not only the first mutation seen).
            setTimeout(() => {
              const t = performance.now() - t0;
              // Let the long-task observer report the change's task.
              setTimeout(() => resolve({ t, long: Math.max(0, ...window.__long) }), 50);
            }, 0);
          }
        });
        obs.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
        const select = document.querySelector(`#filter-${key}`);
        t0 = performance.now();
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }, [key, value]);
    changes.push(r.t);
    (revisit ? back : fresh).push(r.t);
    longest.push(r.long);
    if (args.includes('--verbose')) console.error(`${key}=${value || '(all)'}: ${r.t.toFixed(1)} ms, longest task ${r.long} ms`);
    await page.waitForTimeout(100);
  }
  await context.close();
}
await browser.close();
site.stop();
const kb = (x) => (x / 1024).toFixed(1);
const date = new Date().toISOString().slice(0, 10);
console.log(`### ${date} — ${route}, ${processes} processes, ${runs} runs (Slow 4G + 4× CPU for the load; 4× CPU for filter changes)\n`);
console.log('| measure | median | p95 | max |\n|---|---:|---:|---:|');
console.log(`| page transfer, file bodies brotli (KiB) | ${kb(median(loads.map((l) => l.bytes)))} | | |`);
console.log(`| requests | ${median(loads.map((l) => l.requests))} | | |`);
console.log(`| first figures shown (ms from navigation) | ${Math.round(median(loads.map((l) => l.ready)))} | | ${Math.round(Math.max(...loads.map((l) => l.ready)))} |`);
console.log(`| longest task while loading (ms) | ${Math.round(median(loads.map((l) => l.long)))} | | ${Math.round(Math.max(...loads.map((l) => l.long)))} |`);
console.log(`| filter change → every indicator redrawn (ms, ${changes.length} changes) | ${median(changes).toFixed(1)} | ${pct(changes, 95).toFixed(1)} | ${Math.max(...changes).toFixed(1)} |`);
console.log(`| … to filters not seen before in the visit (${fresh.length}) | ${median(fresh).toFixed(1)} | ${pct(fresh, 95).toFixed(1)} | ${Math.max(...fresh).toFixed(1)} |`);
console.log(`| … back to filters seen (${back.length}) | ${median(back).toFixed(1)} | ${pct(back, 95).toFixed(1)} | ${Math.max(...back).toFixed(1)} |`);
console.log(`| longest task during a filter change (ms) | ${median(longest).toFixed(1)} | ${pct(longest, 95).toFixed(1)} | ${Math.max(...longest).toFixed(1)} |`);
console.log(`\nprogress shown while loading: ${loads.every((l) => l.progress) ? 'yes' : 'no'}`);
