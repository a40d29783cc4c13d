// Failure never leaves a reader worse off than the static page (issue 18, part 2): a content
// file failing after the first view keeps the published content with a notice and a retry; an
// app that cannot load or start says so in the page's language, with a retry, links working; a
// filter chosen before the app takes over is applied; a failed page file of a list is told once;
// a comment draft the browser refuses to store is said so at once and kept for the visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { follow, launch, phonePage, chooseFilter } from './browser.mjs';
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

const visible = (page, sel) => page.locator(sel).isVisible();

test('a content file that fails after the first view keeps the published page, with a notice and a retry', async () => {
  const page = await phonePage(browser, { live: false });
  let down = true;
  let asked = 0;
  await page.route(/\/content\/items\/documents\/environment-declaration-2019\.json(\?.*)?$/, (route) => {
    asked++;
    return down ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(site.url + '/es/documents/environment-declaration-2019');
  const heading = await page.locator('main h1').innerText();
  await page.waitForSelector('#app[data-live]', { state: 'attached' });
  // The published heading and text stay; the app's error box does not show.
  await page.locator('.stale-notice').waitFor();
  assert.equal(await page.locator('main h1').innerText(), heading);
  assert.match(await page.locator('.stale-notice').innerText(), /No se pudo cargar de nuevo el contenido/);
  assert.equal(await page.locator('main .load-error').first().isVisible(), false);
  assert.equal(await page.locator('main h1:visible').count(), 1);
  // The retry brings the app's own view once the network is back.
  down = false;
  await page.locator('.stale-notice button').click();
  await page.waitForFunction(() => !document.querySelector('.stale-first-view') && document.querySelector('main h1'));
  assert.equal(await page.locator('main h1').innerText(), heading);
  assert.equal(await page.locator('main .load-error').count(), 0);
  assert.ok(asked >= 2);
  // The header works meanwhile and after: the app is live.
  await follow(page, '/es/news');
  await page.waitForSelector('main .news-card, main .card');
  assert.equal(await page.locator('.stale-first-view').count(), 0);
  await page.context().close();
});

test('leaving a page shown in its published version shows the next page, not the old one', async () => {
  const page = await phonePage(browser, { live: false });
  await page.route(/\/content\/lists\/news(\/0)?\.json(\?.*)?$/, (route) => route.abort('internetdisconnected'));
  await page.goto(site.url + '/es/news');
  await page.waitForSelector('#app[data-live]', { state: 'attached' });
  await page.locator('.stale-notice').waitFor();
  assert.ok(await page.locator('.stale-first-view .card, .stale-first-view .news-card').count() >= 1);
  await follow(page, '/es/about');
  await page.waitForFunction(() => !document.querySelector('.stale-first-view') && !document.querySelector('main[data-stale-view]'));
  assert.equal(await page.locator('main h1:visible').count(), 1);
  await page.context().close();
});

test('an app whose code cannot load says at once, in the page language, that search and filters are unavailable; links work', async () => {
  const page = await phonePage(browser, { live: false });
  await page.route('**/app/observatorio_bg-*.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(site.url + '/en/news?year=2023');
  const notice = page.locator('#app-unavailable');
  await notice.waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await notice.innerText(), /^Search, filters and the other interactive features are not available; this page can still be read and its links work\. Try again$/);
  // Its retry reloads this very address (the filter in it included).
  assert.equal(await notice.locator('a').getAttribute('href'), site.url + '/en/news?year=2023');
  // It takes no room from the page and the page's links work.
  await page.locator('main a[href*="/news/"]').first().click();
  await page.waitForURL(/\/en\/news\/[a-z0-9-]+$/);
  await page.locator('main h1').waitFor();
  await page.context().close();
});

test('an app that has not started after a while says so; a live app never shows it', async () => {
  const page = await phonePage(browser, { live: false });
  await page.route('**/app/observatorio-*.js', (route) => route.abort('internetdisconnected'));
  const t0 = Date.now();
  await page.goto(site.url + '/es/events');
  assert.equal(await visible(page, '#app-unavailable'), false);
  await page.locator('#app-unavailable').waitFor({ state: 'visible', timeout: 15000 });
  assert.ok(Date.now() - t0 >= 9000, 'not before the wait');
  assert.match(await page.locator('#app-unavailable').innerText(), /^La búsqueda, los filtros .* Reintentar$/);
  assert.equal(await page.locator('#app-unavailable a').getAttribute('href'), 'es/events');
  await page.context().close();

  const live = await phonePage(browser);
  await live.goto(site.url + '/es/events');
  // Its wait ended: still hidden, the app being live.
  await live.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  assert.equal(await live.locator('#app-unavailable').evaluate((e) => getComputedStyle(e).display), 'none');
  await live.context().close();
});

test('a filter chosen before the app takes over is applied once it is live', async () => {
  const page = await phonePage(browser, { live: false });
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/app/observatorio_bg-*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(site.url + '/es/news');
  const options = await page.locator('#filter-country option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(options.includes('PE'), options.join());
  await chooseFilter(page, '#filter-country', 'PE');
  release();
  await page.waitForSelector('#app[data-live]', { state: 'attached' });
  await page.waitForURL(/\/es\/news\?country=PE$/);
  assert.equal(await page.inputValue('#filter-country'), 'PE');
  await page.waitForFunction(() => document.querySelector('main .card') && !document.querySelector('main .skeleton'));
  const flags = await page.locator('main .card').evaluateAll((cs) => cs.map((c) => c.textContent));
  assert.ok(flags.length >= 1 && flags.every((t) => /Perú/.test(t)), flags.join(' | '));
  await page.context().close();
});

test('a page file of a list that fails is told once, with one retry that works', async () => {
  const page = await phonePage(browser);
  await page.goto(site.url + '/es/about');
  let down = true;
  let asked = 0;
  await page.route(/\/content\/lists\/news\/0\.json(\?.*)?$/, (route) => {
    asked++;
    return down ? route.abort('internetdisconnected') : route.continue();
  });
  await follow(page, '/es/news');
  await page.locator('main .load-error').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .skeleton'));
  assert.equal(await page.locator('main .load-error').count(), 1);
  assert.equal(asked, 1);
  down = false;
  await page.locator('main .load-error button').click();
  await page.waitForFunction(() => document.querySelector('main .card') && !document.querySelector('main .skeleton'));
  assert.equal(await page.locator('main .load-error').count(), 0);
  assert.equal(asked, 2);
  await page.context().close();
});

test('a comment draft the browser refuses to store is said so at once, and kept for the visit', async () => {
  const page = await phonePage(browser);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const event = '/es/events/sample-webinar-selling-to-government-2027';
  await page.goto(site.url + event);
  assert.match(await page.locator('#c-draft').innerText(), /se guarda en este navegador/);
  await page.fill('#c-message', 'Un texto que el navegador no quiere guardar.');
  assert.match(await page.locator('#c-draft').innerText(), /no permite guardar el borrador/);
  await follow(page, '/es/events');
  await page.waitForSelector('main .event-card');
  await follow(page, event);
  await page.waitForSelector('#c-message');
  assert.equal(await page.inputValue('#c-message'), 'Un texto que el navegador no quiere guardar.');
  assert.match(await page.locator('#c-draft').innerText(), /no permite guardar el borrador/);
  await page.context().close();
});

test('a content file over its size cap is named in its section, never parsed', async () => {
  const page = await phonePage(browser);
  await page.goto(site.url + '/es/about');
  // A 9 MB list index (its cap is 8 MiB): valid JSON, which parsing would have frozen the page on.
  const huge = JSON.stringify({ format: 1, topics: [], rows: [], pad: 'x'.repeat(9_000_000) });
  await page.route(/\/content\/lists\/events\.json(\?.*)?$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: huge }));
  const t0 = Date.now();
  await follow(page, '/es/events');
  const error = page.locator('main .load-error-message').first();
  await error.waitFor();
  assert.equal(await error.innerText(), 'El archivo lists/events.json es demasiado grande para mostrarlo (9,0 MB; el máximo es 8,4 MB).');
  assert.ok(Date.now() - t0 < 10000);
  // The rest of the app works: the header's search box, the menu.
  await page.fill('#site-search', 'lima');
  await page.locator('#search-suggestions [role="option"]:not([hidden])').first().waitFor();
  await page.context().close();
});
