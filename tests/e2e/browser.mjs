// Shared browser setup: Debian's Chromium driven by playwright-core, at a phone viewport.
import { chromium } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A phone-sized page that records console errors and uncaught exceptions. */
export async function phonePage(browser, { colorScheme = 'light', viewport = PHONE, timezoneId } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, isMobile: true, hasTouch: true, timezoneId });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

/** Console errors that matter: a deep link's static-host 404 fallback is expected. */
export const realErrors = (page) => page.errors.filter((e) => !/status of 404/.test(e));

/** A phone page at `url` once the app shows every section (no skeleton left); `opts.setup`
 *  runs before navigation (routes to intercept). */
export async function openLoaded(browser, url, opts = {}) {
  const page = await phonePage(browser, opts);
  if (opts.setup) await opts.setup(page);
  await page.goto(url);
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('.skeleton'));
  return page;
}
