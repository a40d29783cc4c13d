// Benchmark of a long list's responsiveness: the time from changing a filter (or pressing "show
// more") to the list redrawn with its cards, in headless Chromium at 412×823 with 4× CPU
// slowdown and no network emulation (the page files come from the local server: this measures
// the page's own work). Measured in the page, from the change to the moment the expected count
// is shown and no card is still a placeholder.
// Usage: scripts/build-corpus.sh && node scripts/bench-list.mjs [--dir dist-corpus] [--path /es/news] [--runs 10]
import { launch, emulateSlowPhone, appLive } from '../tests/e2e/browser.mjs';
import { median, pct } from './bench-lib.mjs';
import { serve } from '../tests/e2e/server.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist-corpus');
const route = opt('path', '/es/news');
const runs = Number(opt('runs', '10'));

const site = await serve(dir, '/');
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
const page = await context.newPage();
await page.goto(site.url + route);
await appLive(page);
await page.waitForFunction(() => !document.querySelector('.skeleton'), null, { timeout: 60000 });
const cdp = await context.newCDPSession(page);
await emulateSlowPhone(cdp, { network: false, cpu: Number(opt('rate', '4')) });

// Runs `act` in the page; resolves with [ms until the list shows its new count (or its new
// cards, as placeholders or not), ms until every card drawn has its content (page files that
// were not loaded yet are fetched meanwhile)].
const measure = (act, arg) => page.evaluate(async ([act, arg]) => {
  const count = () => document.querySelector('main .result-count')?.textContent;
  const cards = () => document.querySelectorAll('main .cards > *').length;
  const before = [count(), cards()];
  return new Promise((resolve) => {
    let t0, shown;
    const done = () => {
      const changed = act === 'more' ? cards() > before[1] : count() !== before[0];
      if (changed && shown === undefined) shown = performance.now() - t0;
      if (changed && !document.querySelector('main .skeleton')) { obs.disconnect(); resolve([shown, performance.now() - t0]); }
    };
    const obs = new MutationObserver(done);
    obs.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true, attributes: true });
    t0 = performance.now();
    if (act === 'more') document.querySelector('main .more button').click();
    else {
      const s = document.querySelector(`#filter-${act}`);
      s.value = arg;
      s.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
}, [act, arg]);

const options = (key) => page.evaluate((key) => [...document.querySelectorAll(`#filter-${key} option`)].map((o) => o.value), key);
const countries = await options('country');
const years = (await options('year')).slice(0, 6);
const filters = [];
const more = [];
for (let i = 0; i < runs; i++) {
  // Country, then year on top, then back to all: three redraws of the filtered list.
  filters.push(await measure('country', countries[1 + (i % (countries.length - 1))]));
  filters.push(await measure('year', years[1 + (i % (years.length - 1))]));
  await measure('country', '');
  filters.push(await measure('year', ''));
  more.push(await measure('more'));
}
const total = await page.locator('main .result-count').innerText();
await browser.close();
site.stop();

const f = (x) => x.toFixed(0);
const row = (label, xs, k) => { const v = xs.map((x) => x[k]); return `| ${label} | ${v.length} | ${f(median(v))} | ${f(pct(v, 95))} | ${f(Math.max(...v))} |`; };
console.log(`### ${new Date().toISOString().slice(0, 10)} — ${route} in ${dir} (${total}), 4× CPU\n`);
console.log('| change | n | median ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|');
console.log(row('filter (country, year, back to all): new count and list shown', filters, 0));
console.log(row('… every shown card filled (page files fetched if new)', filters, 1));
console.log(row('"show more": 20 more cards shown', more, 0));
console.log(row('… filled', more, 1));
