// Code loaded per route: each page downloads the main module and its own route's chunk, once;
// a chunk that is late shows the route's skeleton, one that fails shows a localized error with
// a retry (and keeps a static first view on screen), a page of an older build says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { follow, launch, phonePage, realErrors } from './browser.mjs';
import { serve } from './server.mjs';

let browser, site, splits;
before(async () => {
  browser = await launch();
  site = await serve('dist', '/');
  splits = JSON.parse(fs.readFileSync('dist/build.json', 'utf8')).splits;
});
after(async () => {
  await browser?.close();
  site?.stop();
});

/** The wasm files a page requests, in order (paths under the site). */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) seen.push(new URL(r.url()).pathname.slice(1)); });
  return seen;
}


const main = () => fs.readdirSync('dist/app').filter((f) => /^observatorio_bg-.*\.wasm$/.test(f)).map((f) => `app/${f}`);
const sorted = (xs) => [...xs].sort();

test('each route downloads the main module and its own chunk, each file once', async () => {
  const page = await phonePage(browser);
  const wasm = wasmRequests(page);
  await page.goto(site.url + '/es/');
  assert.deepEqual(wasm, main(), 'the home page goes live with the main module alone');
  // In the app: the events calendar, then the data pages (the same chunk), then the indicators.
  const go = async (href, heading) => {
    await follow(page, href);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.startsWith(t), heading);
  };
  await go('/es/events', 'Eventos');
  assert.deepEqual(sorted(wasm), sorted([...main(), ...splits.content]));
  await go('/es/data', 'Datos');
  assert.deepEqual(sorted(wasm), sorted([...main(), ...splits.content]), 'a loaded chunk is not fetched again');
  await go('/es/indicators', 'Indicadores');
  await go('/es/events', 'Eventos');
  assert.equal(wasm.length, new Set(wasm).size, 'no file twice');
  assert.deepEqual(sorted(wasm), sorted(new Set([...main(), ...splits.content, ...splits.indicators])), 'shared chunks once');
  assert.ok(!wasm.some((f) => splits.embed.includes(f) && !splits.content.includes(f) && !splits.indicators.includes(f)), 'nothing of a route not shown');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test("a profile opened from a link loads the profile's chunk, not the indicators'; their chunk loads when the reader goes on", async () => {
  const page = await phonePage(browser);
  const wasm = wasmRequests(page);
  await page.goto(site.url + '/es/indicators/peru?buyer-profile=PE-CONSUCODE-1984');
  await page.waitForSelector('.profile .profile-count');
  assert.equal(await page.locator('main h1').innerText(), 'Indicadores de contratación abierta — Perú');
  assert.deepEqual(sorted(wasm), sorted(new Set([...main(), ...splits.profile])));
  assert.ok(!splits.profile.some((f) => /split_indicators-/.test(f)) && splits.indicators.some((f) => /split_indicators-/.test(f)));
  // Its links work in the app: back to the indicators, whose chunk loads then, and a profile
  // from there is drawn by the indicators' page (computed from the data it has).
  await page.locator('.profile a', { hasText: 'Volver a los indicadores' }).click();
  await page.waitForSelector('#competitive-share .figure');
  assert.deepEqual(sorted(wasm), sorted(new Set([...main(), ...splits.profile, ...splits.indicators])));
  await page.locator('#buyer-non-competitive tbody th a').first().click();
  await page.waitForSelector('.profile .profile-count');
  assert.equal(wasm.length, new Set(wasm).size, 'no file twice');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
  // The profile's chunk unreachable: the page's static first view stays, with the section's
  // error and a retry that works.
  const failing = await phonePage(browser, { live: false });
  let offline = true;
  await failing.route('**/app/split_profile-*.wasm', (route) => offline ? route.abort('internetdisconnected') : route.continue());
  await failing.goto(site.url + '/en/indicators/peru?supplier-profile=PE-RUC-1522853');
  const error = failing.locator('main .chunk-error');
  await error.waitFor();
  assert.equal(await error.locator('.load-error-message').innerText(), 'This part of the site could not be loaded. Check your connection and try again.');
  offline = false;
  assert.equal(await failing.locator('main h1').innerText(), 'Open contracting indicators — Peru');
  await error.locator('button', { hasText: 'Try again' }).click();
  await failing.waitForSelector('#app[data-live]', { state: 'attached' });
  await failing.waitForSelector('.profile .profile-count');
  assert.equal(await failing.locator('.profile h2').innerText(), 'CONSORCIO CHAWPY');
  assert.deepEqual(realErrors(failing).filter((e) => !/INTERNET_DISCONNECTED|failed to load|TypeError: Failed to fetch/i.test(e)), []);
  await failing.context().close();
});

test('a route whose chunk is late shows its skeleton at once, then the route', async () => {
  const page = await phonePage(browser);
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/app/split_content-*.wasm', async (route) => { await released; await route.continue(); });
  await page.goto(site.url + '/es/');
  await page.locator('main a[href="/es/events"]').first().click();
  await page.waitForURL(/\/es\/events$/);
  await page.locator('main .section-name', { hasText: 'Eventos' }).waitFor({ timeout: 1000 });
  assert.ok(await page.locator('main .skeleton').isVisible());
  release();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Eventos');
  await page.waitForSelector('main .event-card');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('a chunk that cannot be loaded shows a localized error with a retry that works once the network is back', async () => {
  for (const [lang, message, retry] of [
    ['es', 'No se pudo cargar esta parte del sitio. Compruebe su conexión e inténtelo de nuevo.', 'Reintentar'],
    ['en', 'This part of the site could not be loaded. Check your connection and try again.', 'Try again'],
  ]) {
    const page = await phonePage(browser);
    let offline = true;
    await page.route('**/app/split_content-*.wasm', (route) => offline ? route.abort('internetdisconnected') : route.continue());
    await page.goto(site.url + `/${lang}/`);
    await page.locator(`main a[href="/${lang}/events"]`).first().click();
    const error = page.locator('main .chunk-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal(await error.locator('.load-error-message').innerText(), message);
    // The rest of the site still works: another route, then back.
    await follow(page, `/${lang}/indicators`);
    await page.waitForSelector('main #single-bid');
    await page.goBack();
    await error.waitFor();
    offline = false;
    await error.locator('button', { hasText: retry }).click();
    await page.waitForSelector('main .event-card');
    assert.equal(await page.locator('main .chunk-error').count(), 0);
    // Only the network's refusals were reported: no panic, no other error.
    assert.deepEqual(realErrors(page).filter((e) => !/INTERNET_DISCONNECTED|failed to load|TypeError: Failed to fetch/i.test(e)), []);
    await page.context().close();
  }
});

test('landing on a page whose chunk fails keeps its static first view, with the error and a retry above it', async () => {
  const page = await phonePage(browser, { live: false });
  let offline = true;
  await page.route('**/app/split_content-*.wasm', (route) => offline ? route.abort('internetdisconnected') : route.continue());
  await page.goto(site.url + '/es/events');
  const notice = page.locator('main .chunk-error');
  await notice.waitFor();
  // The pre-rendered page is still there, whole: its heading, its events, its links.
  assert.equal(await page.locator('main h1').innerText(), 'Eventos');
  assert.ok(await page.locator('main .event-card').count() >= 1);
  assert.equal(await page.locator('#app[data-live]').count(), 0);
  assert.equal(await page.locator('[id=site-search]').count(), 1);
  offline = false;
  await notice.locator('button').click();
  await page.waitForSelector('#app[data-live]', { state: 'attached' });
  await page.waitForSelector('main .event-card');
  assert.equal(await page.locator('main .chunk-error').count(), 0);
  // The app's page works: the month view.
  await page.locator('.view-switch a', { hasText: 'Mes' }).click();
  await page.waitForSelector('table[role="grid"]');
  await page.context().close();
});

test('a page of an older build whose chunks are gone says a new version is out and offers a reload', async () => {
  const page = await phonePage(browser);
  await page.route('**/app/split_content-*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route('**/build.json*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"build":"0000000000000000","splits":{}}' }));
  await page.goto(site.url + '/en/');
  await page.locator('main a[href="/en/events"]').first().click();
  const error = page.locator('main .chunk-error[data-stale]');
  await error.waitFor();
  assert.equal(await error.locator('.load-error-message').innerText(), 'A new version of the site has been published. Reload the page to continue.');
  await page.unrouteAll();
  await Promise.all([page.waitForEvent('load'), error.locator('button', { hasText: 'Reload the page' }).click()]);
  await page.waitForSelector('#app[data-live]', { state: 'attached' });
  await page.waitForSelector('main .event-card');
  await page.context().close();
});

test('the chunk of a link a reader is about to follow is fetched on hover or touch, never before the page is live', async () => {
  const page = await phonePage(browser);
  const wasm = wasmRequests(page);
  await page.goto(site.url + '/es/');
  await page.waitForTimeout(500);
  assert.deepEqual(wasm, main());
  await page.locator('main a[href="/es/events"]').first().hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /split_content-/.test(r.name)));
  assert.ok(splits.content.every((f) => wasm.includes(f)));
  await page.context().close();
});

test('the events list and month grid read the events index, never the full file; cards read page files', async () => {
  const page = await phonePage(browser);
  const json = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.json')) json.push(new URL(r.url()).pathname); });
  await page.goto(site.url + '/es/events?view=month&month=2019-07');
  // The Lima summit (1–6 July 2019) is on the grid, with its title, from the index alone.
  const day = page.locator('table[role="grid"] button[data-date="2019-07-03"]');
  await page.waitForFunction(() => /1 evento/.test(document.querySelector('table[role="grid"] button[data-date="2019-07-03"]')?.getAttribute('aria-label') ?? ''));
  assert.match(await day.textContent(), /Cumbre/);
  assert.ok(json.includes('/content/lists/events.json'), json.join(' '));
  assert.ok(!json.includes('/content/events.json'), json.join(' '));
  assert.ok(!json.some((f) => f.startsWith('/content/lists/events/')), 'the grid needs no page file');
  // A day's events are cards, from their page file.
  await day.click();
  await page.waitForSelector('.day-events .event-card');
  assert.ok(json.some((f) => f.startsWith('/content/lists/events/')), json.join(' '));
  assert.ok(!json.includes('/content/events.json'));
  await page.context().close();
  // Without the index (an older build), the full file: the page still works.
  const old = await phonePage(browser);
  await old.route('**/content/lists/events.json*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await old.goto(site.url + '/es/events');
  await old.waitForSelector('main .event-card');
  assert.equal(await old.locator('.load-error').count(), 0);
  await old.context().close();
});
