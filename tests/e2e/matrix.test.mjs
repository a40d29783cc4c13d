// The pages a reader meets first, at 320 and 360 px phones and a 1280 px desktop, in light and
// dark mode, in Spanish and English: nothing scrolls sideways or sticks out of the screen, and
// axe-core (WCAG 2.2 A and AA, contrast included) finds nothing. a11y.test.mjs walks every route
// at one phone width; this one walks the screens and schemes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { launch, phonePage } from './browser.mjs';
import { serve } from './server.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The home, a list, an event, a chart, the indicators, the Embed page and search results.
const ROUTES = ['/', '/news', '/events/sample-webinar-selling-to-government-2027', '/data/sample-tenders-by-year',
  '/indicators', '/embed', '/search?q=compras'];
const SCREENS = [
  ['320 px phone', { viewport: { width: 320, height: 640 } }],
  ['360 px phone', { viewport: { width: 360, height: 740 } }],
  ['1280 px desktop', { viewport: { width: 1280, height: 800 }, desktop: true }],
];

let browser, site;
before(async () => { browser = await launch(); site = await serve('dist', '/'); });
after(async () => { await browser?.close(); site?.stop(); });

for (const [screen, opts] of SCREENS) {
  for (const scheme of ['light', 'dark']) {
    test(`${screen}, ${scheme} mode, both languages: no sideways scroll, nothing off screen, no axe violations`, async () => {
      const page = await phonePage(browser, { ...opts, colorScheme: scheme });
      const found = [];
      for (const lang of ['es', 'en']) {
        for (const route of ROUTES) {
          const at = `${lang}${route}`;
          await page.goto(`${site.url}/${at}`);
          await page.waitForSelector('main h1');
          await page.waitForFunction(() => !document.querySelector('.skeleton'));
          // Rendered as a reader scrolling would see them (see a11y.test.mjs).
          await page.evaluate(() => {
            for (const el of document.querySelectorAll('*')) {
              if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
            }
          });
          found.push(...(await page.evaluate((at) => {
            const out = [];
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width) out.push(`${at}: the page is ${document.documentElement.scrollWidth} px wide in ${width}`);
            // A visible element reaching past the screen's edge, unless a box that scrolls holds it.
            const held = (e) => { for (let p = e.parentElement; p; p = p.parentElement) { if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true; } return false; };
            for (const e of document.querySelectorAll('main *, header *, footer *')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') continue;
              // (Not what is hidden from everyone on purpose: the comment form's trap for robots.)
              if ((r.right > width + 1 || r.left < -1) && !held(e) && !e.closest('.sr-only, [aria-hidden="true"]')) {
                out.push(`${at}: <${e.tagName.toLowerCase()} class="${e.className?.baseVal ?? e.className}"> spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
                break;
              }
            }
            return out;
          }, at)));
          await page.evaluate(axeSource);
          const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
          for (const v of result.violations) {
            found.push(`${at}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          }
        }
      }
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
}
