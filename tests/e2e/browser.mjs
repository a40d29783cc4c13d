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

/** The app has taken over the page: pre-rendered pages show their content before the wasm
 *  runs, so tests that click or type wait for `#app[data-live]` (pages without `#app`, such as
 *  widgets and test hosts, are ready as loaded). */
export const appLive = (page) =>
  page.waitForFunction(() => !document.getElementById('app') || document.querySelector('#app[data-live]'));

/** A phone-sized page that records console errors and uncaught exceptions. Its `goto` waits
 *  for the app to take over, unless `live: false` (tests of the static first view). */
// The service worker is left out (`worker: true` lets it in): it would answer requests that tests
// of the app intercept or count; tests/e2e/offline.test.mjs tests it.
export async function phonePage(browser, { colorScheme = 'light', viewport = PHONE, timezoneId, live = true, worker = false, desktop = false } = {}) {
  // `desktop`: a mouse and a wide window instead of a phone's touch screen.
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, isMobile: !desktop, hasTouch: !desktop, timezoneId, serviceWorkers: worker ? 'allow' : 'block' });
  const page = await context.newPage();
  if (live) {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const res = await goto(url, options);
      await appLive(page);
      return res;
    };
    const reload = page.reload.bind(page);
    page.reload = async (options) => {
      const res = await reload(options);
      await appLive(page);
      return res;
    };
  }
  page.errors = [];
  // The site runs under the security policy the build wrote (scripts/serve.mjs serves it): any
  // violation fails the test when its context closes.
  const violations = [];
  await context.exposeFunction('__cspViolation', (v) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${location.pathname} (${e.sourceFile}:${e.lineNumber})`));
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    if (violations.length) throw new Error(`security policy violations:\n${violations.join('\n')}`);
  };
  page.violations = violations;
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

/** In-app navigation to `href`, as a click on a link the reader never hovered (no prefetch). */
export const follow = (page, href) => page.evaluate((h) => { const a = document.createElement('a'); a.href = h; document.querySelector('main').append(a); a.click(); }, href);

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

/** The page-load benchmarks' phone: Lighthouse's mobile screen. */
export const BENCH_PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/** The benchmarks' emulation of a mid-range phone, as Lighthouse's mobile preset: Slow 4G as
 *  DevTools applies it (562.5 ms per request, 1.47 Mbps down, 0.68 Mbps up, cache off) and a
 *  CPU slowed `cpu` times. `network: false` slows the CPU only. */
export async function emulateSlowPhone(cdp, { network = true, cpu = 4 } = {}) {
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
}

/** Serves the page at `path` as if it had been rendered on another day than the reader's: its
 *  static first view is then drawn anew by the app from the content files (the home page keeps
 *  its first view only when rendered for the reader's date). */
export async function renderedAnotherDay(page, path) {
  await page.route((url) => url.pathname === path, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/data-date=[0-9-]+/, 'data-date=2000-01-01');
    await route.fulfill({ response: res, body });
  });
}

/** Chooses `value` in a list's filter select (`#filter-country`…), opening the list's "Filter"
 *  control first if it is closed, as a reader would. */
export async function chooseFilter(page, select, value) {
  const box = page.locator('details.filters', { has: page.locator(select) });
  if (await box.count() && (await box.getAttribute('open')) === null) await box.locator('summary').click();
  await page.selectOption(select, value);
}
