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
