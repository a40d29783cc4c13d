// Offline reading and installing (issue 18): the service worker registers once the page is live,
// a page read once reloads offline, an unvisited one gets the offline page listing what can be
// read, a kept page opens offline after everything else is gone, a new deploy is offered and
// taken on the reader's word, widget pages stay outside every worker's scope, and each language
// has its install manifest with icons that load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launch, phonePage, PHONE } from './browser.mjs';
import { serve } from './server.mjs';

let browser, site;
before(async () => {
  browser = await launch();
  site = await serve('dist', '/');
});
after(async () => {
  await browser?.close();
  site?.stop();
});

/** Waits until a worker controls the page. */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });

/** Waits until a worker controls the page and has stored `url` (the page, read before it came)
 *  and the content files the page read (stored in the same pass, but not all at once). */
async function stored(page, url) {
  await controlled(page);
  await page.waitForFunction(async (u) => {
    const content = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/content/'));
    const all = await Promise.all([u, ...content].map((x) => caches.match(x).then(Boolean)));
    return all.every(Boolean);
  }, url, { timeout: 30000 });
}

test('the worker registers only once the page is live, one per language, scoped to its pages', async () => {
  const page = await phonePage(browser, { worker: true });
  await page.goto(site.url + '/es/');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0,
    'nothing registered before the page is live');
  await controlled(page);
  // The icon too waits for the page to be live (no request beside the app's code before).
  assert.equal(await page.evaluate(() => document.querySelector('link[rel=icon]').href), site.url + '/icons/icon.svg');
  const scopes = await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((rs) => rs.map((r) => r.scope)));
  assert.deepEqual(scopes, [site.url + '/es/']);
  const shell = await page.evaluate(() => caches.keys());
  assert.ok(shell.some((k) => /^shell-es-[0-9a-f]{16}$/.test(k)), shell.join(' '));
  // A widget page, as a ministry's page frames it, is outside the worker's scope.
  const widget = await page.context().newPage();
  await widget.goto(site.url + '/widget/es/news.html');
  assert.equal(await widget.evaluate(() => navigator.serviceWorker.controller), null);
  await page.context().close();
});

test('a page read once reloads offline; a page never read gets the offline page with what can be read', async () => {
  const page = await phonePage(browser, { worker: true });
  const doc = site.url + '/es/documents/environment-declaration-2019';
  await page.goto(doc);
  const heading = (await page.textContent('main h1')).trim();
  await stored(page, doc);
  await page.context().setOffline(true);
  await page.reload();
  assert.equal((await page.textContent('main h1')).trim(), heading);
  assert.ok(!(await page.$('main .load-error')), 'its content came from the cache too');
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  console.log(`# offline reload of a visited page: first contentful paint at ${Math.round(paint)} ms`);
  await page.goto(site.url + '/es/events/observatory-launch-2023');
  assert.equal((await page.textContent('h1')).trim(), 'Sin conexión');
  await page.waitForSelector('#offline-visited a');
  const visited = await page.$$eval('#offline-visited a', (as) => as.map((a) => [a.textContent, new URL(a.href).pathname]));
  assert.ok(visited.some(([, p]) => p === '/es/documents/environment-declaration-2019'), JSON.stringify(visited));
  assert.ok(visited.some(([t]) => t.startsWith(heading.slice(0, 20))), JSON.stringify(visited));
  // The retry reloads the page asked for, which loads once the connection is back.
  await page.context().setOffline(false);
  await Promise.all([page.waitForNavigation(), page.click('#offline-retry')]);
  assert.notEqual((await page.textContent('main h1')).trim(), 'Sin conexión');
  await page.context().close();
});

test('a news item kept for offline is listed, opens offline with nothing else stored, and can be removed', async () => {
  const page = await phonePage(browser, { worker: true });
  const item = site.url + '/es/news/digital-security-workshop';
  await page.goto(item);
  const heading = (await page.textContent('main h1')).trim();
  await controlled(page);
  await page.click('.keep-offline button');
  await page.waitForSelector('.keep-offline >> text=Guardado para leer sin conexión');
  await page.goto(site.url + '/es/offline.html');
  assert.equal((await page.textContent('h1')).trim(), 'Leer sin conexión');
  assert.ok(await page.isHidden('#offline-why'));
  assert.match(await page.textContent('#offline-kept'), new RegExp(heading.slice(0, 20)));
  // Only the kept copy is left: what was read on the way is forgotten.
  await page.evaluate(() => caches.delete('runtime'));
  await page.context().setOffline(true);
  await page.goto(item);
  assert.equal((await page.textContent('main h1')).trim(), heading);
  await page.context().setOffline(false);
  await page.goto(site.url + '/es/offline.html');
  await page.click('#offline-kept button');
  assert.match(await page.textContent('#offline-kept'), /Nada guardado todavía/);
  assert.equal(await page.evaluate((u) => caches.open('kept').then((c) => c.match(u)).then(Boolean), item), false);
  await page.context().close();
});

test('a new deploy is offered while a page is open, and taken only when the reader asks', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-update-'));
  fs.cpSync('dist', dir, { recursive: true });
  const copy = await serve(path.relative(path.resolve('.'), dir), '/');
  try {
    const page = await phonePage(browser, { worker: true });
    await page.goto(copy.url + '/es/');
    await controlled(page);
    const worker = path.join(dir, 'sw.js');
    const old = fs.readFileSync(worker, 'utf8');
    const build = old.match(/BUILD="([0-9a-f]+)"/)[1];
    fs.writeFileSync(worker, old.replace(`BUILD="${build}"`, `BUILD="${build}0"`));
    await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
    await page.waitForSelector('#update-notice', { timeout: 30000 });
    assert.match(await page.textContent('#update-notice'), /nueva versión/);
    // Nothing changes until the reader asks: the old build's shell is still the one in use.
    assert.ok((await page.evaluate(() => caches.keys())).includes(`shell-es-${build}`));
    await Promise.all([page.waitForNavigation(), page.click('#update-notice button')]);
    await page.waitForFunction((b) => caches.keys().then((k) => k.includes(`shell-es-${b}0`) && !k.includes(`shell-es-${b}`)), build);
    assert.equal(await page.$('#update-notice'), null);
    await page.context().close();
  } finally {
    copy.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('each language has its install manifest, with icons that load', async () => {
  const page = await phonePage(browser, { live: false });
  for (const lang of ['es', 'en']) {
    await page.goto(`${site.url}/${lang}/news`);
    const href = await page.getAttribute('link[rel=manifest]', 'href');
    assert.equal(href, `manifest.${lang}.webmanifest`);
    const manifest = await page.evaluate((h) => fetch(h).then((r) => r.json()), href);
    assert.equal(manifest.lang, lang);
    assert.equal(manifest.start_url, `${lang}/`);
    assert.equal(manifest.id, '/');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
    for (const icon of manifest.icons) {
      const res = await page.evaluate((s) => fetch(s).then((r) => [r.status, r.headers.get('content-type')]), icon.src);
      assert.equal(res[0], 200, icon.src);
      assert.ok(res[1].startsWith(icon.type), `${icon.src}: ${res[1]}`);
    }
  }
  await page.context().close();
});

test('search that failed offline asks again when the connection comes back, and the box never waits forever', async () => {
  const page = await phonePage(browser);
  let down = true;
  await page.route(/\/search\/.*\.json(\?.*)?$/, (route) => (down ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(site.url + '/es/search?q=lima');
  await page.waitForSelector('main .notice[role=alert]');
  // The header's box is not left busy for the rest of the visit.
  await page.fill('#site-search', 'declaración');
  await page.waitForFunction(() => document.querySelector('#search-suggestions')?.getAttribute('data-q') === 'declaración');
  await page.waitForFunction(() => document.querySelector('#search-suggestions').getAttribute('aria-busy') === 'false', null, { timeout: 5000 });
  // Nor does it still say it is loading: the list has only its "all results" line.
  assert.equal(await page.locator('#search-suggestions .loading:not([hidden])').count(), 0);
  assert.deepEqual(await page.locator('#search-suggestions [role=option]:not([hidden])').evaluateAll((os) => os.map((o) => o.className)), ['all']);
  down = false;
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForFunction(() => !document.querySelector('main .notice[role=alert]') && document.querySelector('main li.result a'), null, { timeout: 15000 });
  await page.context().close();
});

test('Chromium finds the site installable in both languages, and the start URL opens offline', async () => {
  // A profile of its own: Chromium never offers to install from an incognito context, which
  // every other test's context is. The same check Lighthouse's installability audit ran.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-install-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: PHONE,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    for (const lang of ['es', 'en']) {
      await page.goto(`${site.url}/${lang}/about`);
      await controlled(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], `${lang}: ${JSON.stringify(installabilityErrors)}`);
      const { url } = await cdp.send('Page.getAppManifest');
      assert.equal(url, `${site.url}/manifest.${lang}.webmanifest`);
    }
    // The installed app opens at its start URL: offline too, from the worker's precache.
    await context.setOffline(true);
    await page.goto(`${site.url}/es/`);
    await page.locator('main h1').waitFor();
    assert.match(await page.locator('main h1').innerText(), /Observatorio/);
    await context.setOffline(false);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
