// Screenshots of the site at a 360 px phone, for docs/screenshots.md: the home, a list with its
// filters, an event, a chart, the indicators and the Embed page, light and dark. Run by hand on a
// built `dist/` (node scripts/screenshots.mjs [--dir dist]); the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import { launch, phonePage } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const dir = arg('--dir', 'dist');
const out = path.resolve('docs/screenshots');
fs.mkdirSync(out, { recursive: true });

const SHOTS = [
  ['home', '/es/', 'main'],
  ['news-filtered', '/es/news?country=PE', 'main .card'],
  ['event', '/es/events/sample-webinar-selling-to-government-2027', '.event-actions'],
  ['chart', '/es/data/promotion-activities-2022', 'figure.chart .chart-svg'],
  ['indicators', '/es/indicators', '#single-bid .figure'],
  ['embed', '/es/embed', 'main h1'],
];

const browser = await launch();
const site = await serve(dir, '/');
try {
  for (const scheme of ['light', 'dark']) {
    for (const [name, route, ready] of SHOTS) {
      const page = await phonePage(browser, { colorScheme: scheme, viewport: { width: 360, height: 740 } });
      await page.goto(site.url + route);
      await page.waitForSelector(ready);
      await page.waitForFunction(() => !document.querySelector('.skeleton'));
      const file = path.join(out, `${name}-360-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(path.relative(process.cwd(), file), fs.statSync(file).size, 'bytes');
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  site.stop();
}
