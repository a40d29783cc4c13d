// Benchmark of a buyer's and a supplier's profile on the indicators page with 100,000 processes
// (scripts/build-ocds-corpus.sh), issue 17's two budgets:
// - drawn after its data is there: the Alliance page loaded (4× CPU, network idle), a click on
//   the first buyer (or supplier) name in its table, timed until the task that draws the profile
//   ends (its count of processes shown);
// - opened from a shared link, cold, under Slow 4G + 4× CPU: time from navigation to its first
//   figures (the count of its processes) drawn: the task after the frame that shows them (the
//   driver's own waitForSelector sees them later: it polls, then answers over the protocol;
//   that figure is printed too, as earlier sessions measured), and the bytes transferred.
// Usage: scripts/build-ocds-corpus.sh && node scripts/bench-profile.mjs [--dir dist-ocds] [--runs 5]
import { launch, appLive } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { median, servedBrotli, slowPhonePage } from './bench-lib.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist-ocds');
const runs = Number(opt('runs', '5'));
const route = '/es/indicators';
// The first name of each kind the page links (the buyers' table, the suppliers' concentration).
const tables = { buyer: 'main a[href*="buyer-profile="]', supplier: 'main a[href*="supplier-profile="]' };

const site = await serve(dir, '/');
const browser = await launch();
const drawn = { buyer: [], supplier: [] };
const shared = { buyer: [], supplier: [] };
const painted = { buyer: [], supplier: [] };
const bytes = { buyer: [], supplier: [] };
const links = {};
for (let run = 0; run < runs; run++) {
  // In the page: the data loaded, then a click on a name (network no longer throttled: the
  // profile needs nothing more from it).
  const { context, page } = await slowPhonePage(browser, { network: false });
  await page.goto(site.url + route);
  await appLive(page);
  await page.waitForSelector('#competitive-share .figure', { timeout: 300000 });
  for (const party of ['buyer', 'supplier']) {
    const link = page.locator(tables[party]).first();
    await link.scrollIntoViewIfNeeded();
    links[party] = await link.getAttribute('href');
    const t = await page.evaluate((sel) => new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (document.querySelector('.profile .profile-count')) {
          obs.disconnect();
          setTimeout(() => resolve(performance.now() - t0), 0);
        }
      });
      obs.observe(document.querySelector('main'), { childList: true, subtree: true });
      const t0 = performance.now();
      document.querySelector(sel).click();
    }), tables[party]);
    drawn[party].push(t);
    await page.goBack();
    await page.waitForSelector('#competitive-share .figure');
  }
  await context.close();
  // From a shared link, cold.
  for (const party of ['buyer', 'supplier']) {
    const { context, page, cdp } = await slowPhonePage(browser);
    const requests = [];
    cdp.on('Network.requestWillBeSent', (e) => requests.push(e.request.url.replace(site.url, '')));
    // When the frame that shows the figures has been drawn: the task after that frame.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (!document.querySelector('.profile .profile-count')) return;
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.url + links[party]);
    await page.waitForSelector('.profile .profile-count', { timeout: 300000 });
    shared[party].push(await page.evaluate(() => performance.now()));
    await page.waitForFunction(() => window.__painted);
    painted[party].push(await page.evaluate(() => window.__painted));
    bytes[party].push(requests.reduce((s, u) => s + servedBrotli(dir, u), 0));
    await context.close();
  }
}
await browser.close();
site.stop();
const date = new Date().toISOString().slice(0, 10);
console.log(`### ${date} — profiles on ${route}, ${runs} runs (4× CPU; Slow 4G for the shared links)\n`);
console.log('| measure | buyer | supplier | budget |\n|---|---:|---:|---:|');
console.log(`| drawn after a click, data there (ms, median) | ${median(drawn.buyer).toFixed(1)} | ${median(drawn.supplier).toFixed(1)} | ≤ 300 |`);
console.log(`| shared link, cold: first figures drawn (ms from navigation, median) | ${Math.round(median(painted.buyer))} | ${Math.round(median(painted.supplier))} | ≤ 3000 |`);
console.log(`| … as seen by the test driver (waitForSelector, then a round trip: earlier sessions' figure) | ${Math.round(median(shared.buyer))} | ${Math.round(median(shared.supplier))} | |`);
console.log(`| shared link: transfer, brotli (KiB) | ${(median(bytes.buyer) / 1024).toFixed(1)} | ${(median(bytes.supplier) / 1024).toFixed(1)} | |`);
console.log(`\nprofiles: ${links.buyer}, ${links.supplier}`);
