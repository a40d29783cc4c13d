// axe-core finds no accessibility violations (WCAG 2.x A and AA) on any route, in either language,
// in light and dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { launch, phonePage } from './browser.mjs';
import { serve } from './server.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ROUTES = ['/', '/topics', '/topics/msme-women', '/news', '/news/promotion-strategy-2022', '/documents',
  '/documents/sample-supplier-guide', '/events', '/events?view=month&month=2027-03&day=2027-03-18', '/events/sample-webinar-selling-to-government-2027',
  '/events/sample-sustainable-procurement-forum-2027', '/events/digital-teaching-seminar-2022', '/data',
  '/data/promotion-results-2022', '/data/sample-tenders-by-year', '/data/sample-msme-share-by-country',
  '/data/alliance-weight-latam', '/data/infrastructure-portfolio-subsectors', '/about', '/indicators', '/indicators/colombia?list=all', '/indicators/chile', '/search?q=compras%20publicas', '/search?q=zzzqqq', '/no-such-page'];

let browser, site;
before(async () => { browser = await launch(); site = await serve('dist', '/'); });
after(async () => { await browser?.close(); site?.stop(); });

for (const scheme of ['light', 'dark']) {
  test(`no axe violations, ${scheme} mode`, async () => {
    const page = await phonePage(browser, { colorScheme: scheme });
    const found = [];
    for (const lang of ['es', 'en']) {
      for (const route of ROUTES) {
        await page.goto(`${site.url}/${lang}${route}`);
        await page.waitForSelector('main h1');
        await page.waitForFunction(() => !document.querySelector('.skeleton'));
        // Sections off screen skip their rendering (content-visibility: auto), which axe's hit
        // tests read as obscured targets; each is rendered as the reader scrolls to it, so it
        // is checked rendered.
        await page.evaluate(() => {
          for (const el of document.querySelectorAll('*')) {
            if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
          }
        });
        await page.evaluate(axeSource);
        const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
        for (const v of result.violations) {
          found.push(`${lang}${route}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
      }
    }
    assert.deepEqual(found, []);
    await page.context().close();
  });
}
