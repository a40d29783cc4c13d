// Benchmark of the events calendar with a large event file: the time to render a month after a
// change (next month, or a keyboard move), in headless Chromium at 412×823 with 4× CPU slowdown.
// Measured in the page from the click or key press to the moment the new grid is in the DOM (a
// MutationObserver callback, which runs once the render's synchronous DOM work is done).
// Usage: scripts/build-corpus.sh && node scripts/bench-calendar.mjs [--dir dist-corpus] [--runs 30]
import { launch, emulateSlowPhone, appLive } from '../tests/e2e/browser.mjs';
import { pct } from './bench-lib.mjs';
import { serve } from '../tests/e2e/server.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist-corpus');
const runs = Number(opt('runs', '30'));

const site = await serve(dir, '/');
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
const page = await context.newPage();
await page.goto(`${site.url}/es/events?view=month&month=${opt('month', '2024-01')}`);
// The app's grid, not the static first view's.
await appLive(page);
await page.waitForSelector('#app[data-live] .month-grid', { timeout: 60000 });
const total = await page.evaluate(async () => (await (await fetch('/content/events.json')).json()).events.length);
const cdp = await context.newCDPSession(page);
await emulateSlowPhone(cdp, { network: false, cpu: Number(opt('rate', '4')) });

// Runs `act` in the page and resolves with the ms until the grid shows the new state. Leptos
// patches the grid in place, so the signal is the chosen day or the title changing; the
// observer's callback runs once the whole synchronous DOM update is done.
const measure = (act) => page.evaluate(async (act) => {
  const state = () => `${document.querySelector('#cal-title')?.textContent}|${document.querySelector('.month-grid button[tabindex="0"]')?.dataset.date}`;
  const before = state();
  return new Promise((resolve) => {
    let t0;
    const obs = new MutationObserver(() => {
      if (state() !== before) { obs.disconnect(); resolve(performance.now() - t0); }
    });
    obs.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true, attributes: true });
    t0 = performance.now();
    if (act === 'next') document.querySelector('.cal-head a[aria-label="Mes siguiente"]').click();
    else {
      const b = document.querySelector('.month-grid button[tabindex="0"]');
      b.focus();
      b.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    }
  });
}, act);

const results = {};
const verbose = args.includes('--verbose');
for (const act of ['next', 'ArrowRight']) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    xs.push(await measure(act));
    await page.waitForTimeout(50);
  }
  results[act] = xs;
  if (verbose) console.error(act, xs.map((x) => x.toFixed(1)).join(' '));
}
const perMonth = await page.evaluate(() => document.querySelectorAll('.month-grid .has-events').length);
console.log(`events in the file: ${total}; marked days in the last month shown: ${perMonth}; ${runs} runs each, 4× CPU slowdown\n`);
console.log('| month render after… | median | p95 | max |\n|---|---:|---:|---:|');
for (const [act, xs] of Object.entries(results)) {
  const label = act === 'next' ? 'next month (link)' : 'a day move (arrow key)';
  console.log(`| ${label} | ${pct(xs, 50).toFixed(1)} ms | ${pct(xs, 95).toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms |`);
}
await browser.close();
site.stop();
