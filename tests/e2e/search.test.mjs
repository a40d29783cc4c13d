// Search in headless Chromium at a phone viewport: suggestions in the header box (combobox,
// keyboard only), the results page with facets, a shared URL restoring the same results, no
// results, and hostile queries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { launch, openLoaded, phonePage, realErrors, chooseFilter } from './browser.mjs';
import { serve } from './server.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve('dist', '/'); });
after(async () => { await browser?.close(); site?.stop(); });

const open = (path, opts) => openLoaded(browser, site.url + path, opts);

test('typing in the header box shows suggestions; arrows and Enter open one', async () => {
  const page = await open('/es/news');
  const box = page.locator('#site-search');
  assert.equal(await box.getAttribute('role'), 'combobox');
  await box.click();
  await page.keyboard.type('arendal');
  const first = page.locator('#search-suggestions [role="option"]:not(.all):not(.loading)').first();
  await first.waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.match(await first.innerText(), /Noruega/);
  // The word being typed matches as a prefix, and the whole word is marked.
  assert.equal(await first.locator('mark').first().innerText(), 'Arendalsuka');
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-option-0');
  // The open combobox passes axe too.
  await page.evaluate(fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const axe = await page.evaluate(() => window.axe.run(document.querySelector('.site-header'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }));
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.equal(await first.getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/es\/news\/alliance-in-norway$/);
  await page.waitForSelector('main h1');
  assert.match(await page.locator('main h1').innerText(), /Arendalsuka/);
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('focusing the box fetches the index\'s entry point alongside the search chunk, not after it; each file once', async () => {
  const page = await open('/es/about');
  let release;
  const released = new Promise((r) => { release = r; });
  // The chunk's own file is held back: the index's files must not wait for it.
  await page.route('**/app/split_search-*.wasm', async (route) => { await released; await route.continue(); });
  const asked = [];
  page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/search/')) asked.push(p); });
  await page.locator('#site-search').focus();
  await page.waitForFunction(() => ['/search/index.json', '/search/es/first.json']
    .every((p) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === p && e.responseEnd > 0)));
  release();
  await page.keyboard.type('arendal');
  await page.locator('#search-suggestions [role="option"]:not(.all):not(.loading)').first().waitFor();
  assert.deepEqual(asked.filter((p) => p === '/search/index.json' || p === '/search/es/first.json').sort(), ['/search/es/first.json', '/search/index.json'], 'read once: the chunk took the preloaded files');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('keyboard only: "/" focuses the box, Escape closes, Enter goes to the results page', async () => {
  const page = await open('/en/');
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
  await page.keyboard.type('procurement');
  await page.locator('#search-suggestions [role="option"]:not([hidden])').first().waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#site-search').getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/search\?q=procurement$/);
  await page.waitForSelector('.results .result');
  assert.ok(await page.locator('.results .result').count() >= 5);
  await page.context().close();
});

test('accents, typos and plurals: "compras publicas peru" finds the launch and Peru', async () => {
  const page = await open('/es/search?q=compras%20publicas%20peru');
  const titles = await page.locator('.result-title').allInnerTexts();
  assert.ok(titles.some((t) => /Lanzamiento oficial del Observatorio de Compras Públicas/.test(t)), titles.slice(0, 6).join(' | '));
  assert.ok(await page.locator('.result-title mark').count() > 0);
  const typo = await open('/en/search?q=cibersecurity%20studdy');
  assert.match(await typo.locator('.result-title').first().innerText(), /cybersecurity/i);
  for (const p of [page, typo]) await p.context().close();
});

test('facets with counts combine with the query; a shared URL restores them; Back works', async () => {
  const page = await open('/en/search?q=declaration');
  // Options behind the closed "Filter" control are read as text, not as rendered.
  const kinds = await page.locator('#filter-kind option').allTextContents();
  assert.ok(kinds.some((k) => /^Document \(\d+\)$/.test(k)), kinds.join(' | '));
  const before = await page.locator('.result').count();
  await chooseFilter(page, '#filter-kind', 'news');
  await page.waitForFunction(() => location.search.includes('kind=news'));
  // The list is redrawn for the facet, each result's text loading on its own.
  await page.waitForFunction((before) => {
    const n = document.querySelectorAll('.result').length;
    return n > 0 && n < before && !document.querySelector('.results [aria-busy="true"]');
  }, before);
  const after = await page.locator('.result').count();
  assert.ok(after >= 1 && after < before, `${after} < ${before}`);
  const tags = await page.locator('.result .meta .tag').allInnerTexts();
  assert.ok(tags.filter((t) => t === 'News').length === after, tags.join(' | '));
  // The same URL in a new tab shows the same results.
  const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
  assert.deepEqual(await shared.locator('.result-title').allInnerTexts(), await page.locator('.result-title').allInnerTexts());
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('kind='));
  await page.waitForFunction((before) => document.querySelectorAll('.result').length === before, before);
  for (const p of [page, shared]) await p.context().close();
});

test('processes, buyers, suppliers and the tools are searchable, each leading to its page', async () => {
  // "licitación" finds processes by their method's local name, in a facet of their own.
  const page = await open('/es/search?q=licitaci%C3%B3n&kind=contracting');
  await page.waitForSelector('.result .result-title');
  const kinds = await page.locator('.result .meta .tag:first-child').allInnerTexts();
  assert.ok(kinds.length > 0 && kinds.every((t) => t === 'Contrataciones'), kinds.join(' | '));
  assert.match(await page.locator('.result .snippet').first().innerText(), /Licitación/i);
  // An ocid finds its process; the result opens it on its member's indicators page.
  const ocid = await open('/es/search?q=ocds-70d2nz-1211839-44-LE26');
  const hit = ocid.locator('.result-title a', { hasText: 'MAQUINARIAS DE ASEO CLÍNICO' });
  await hit.waitFor();
  await hit.click();
  await ocid.waitForURL(/\/es\/indicators\/chile\?process=ocds-70d2nz-1211839-44-LE26/);
  await ocid.waitForFunction(() => document.querySelector('.process-list .result-count')?.innerText.startsWith('1 '));
  assert.equal(await ocid.locator('.process .process-title').innerText(), 'MAQUINARIAS DE ASEO CLÍNICO');
  // A buyer's name finds its profile.
  const buyer = await open('/en/search?q=oficina%20normalizacion%20previsional');
  const b = buyer.locator('.result-title a', { hasText: 'OFICINA DE NORMALIZACION PREVISIONAL' }).first();
  await b.waitFor();
  assert.match(await b.getAttribute('href'), /\/en\/indicators\/peru\?buyer-profile=PE-CONSUCODE-1984$/);
  await b.click();
  await buyer.waitForSelector('.profile h2');
  // The tools' pages too.
  const tools = await open('/es/search?q=indicadores%20contrataci%C3%B3n%20abierta&kind=tool');
  assert.match(await tools.locator('.result-title').first().innerText(), /Indicadores de contratación abierta/);
  for (const p of [page, ocid, buyer, tools]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
});

test('the field\'s words and synonyms are known: "tender" finds the licitaciones, portal names are not corrected; the first result shows on a phone', async () => {
  const tender = await open('/en/search?q=tender');
  await tender.waitForSelector('.result');
  assert.equal(await tender.locator('.did-you-mean').count(), 0);
  assert.match(await tender.locator('.results').innerText(), /LICITACI[OÓ]N|[Ll]icitaci[oó]n/);
  // The first result is on the first screen of a phone.
  // Read in one step in the page: the list is drawn again as parts of the index arrive, and a
  // locator's box of a replaced row is null.
  const y = await tender.evaluate(() => document.querySelector('.result')?.getBoundingClientRect().y);
  assert.ok(y + 40 < 844, `first result at ${y}px`);
  for (const q of ['secop', 'seace', 'ocds', 'mipyme']) {
    const p = await open(`/es/search?q=${q}`);
    await p.waitForSelector('.result, .empty');
    assert.equal(await p.locator('.did-you-mean').count(), 0, `${q} was "corrected"`);
    assert.ok(await p.locator('.result').count() > 0, `${q} finds nothing`);
    await p.context().close();
  }
  await tender.context().close();
});

test('no results: says so, offers the closest spelling and the latest items', async () => {
  // Misspelt words still find results (typo tolerance), with the right spelling offered.
  const page = await open('/es/search?q=declarasiones%20conjuntaz');
  await page.locator('.did-you-mean a').waitFor();
  assert.ok(await page.locator('.result').count() > 0);
  await page.locator('.did-you-mean a').click();
  await page.waitForURL(/q=declaraciones%20conjunta/);
  await page.waitForSelector('.result');
  assert.equal(await page.locator('.did-you-mean').count(), 0);
  const none = await open('/es/search?q=zzzzqqqq');
  assert.match(await none.locator('.empty').innerText(), /No encontramos resultados para «zzzzqqqq»/);
  assert.equal(await none.locator('.results li').count(), 5);
  // No word starts with "z": nothing was asked for, so nothing is reported missing.
  assert.equal(await none.locator('.notice').count(), 0);
  // The first two letters swapped still find the word.
  const swapped = await open('/es/search?q=raendalsuka');
  assert.match(await swapped.locator('.result-title').first().innerText(), /Arendalsuka/);
  await swapped.context().close();
  for (const p of [page, none]) await p.context().close();
});

test('hostile queries are shown as text and never break the page', async () => {
  const long = 'compras '.repeat(1300);
  for (const q of [long, '!!!???', '🙂🚀', 'مناقصات عامة', '<img src=x onerror=alert(1)>', '"', '%']) {
    const page = await open('/es/search?q=' + encodeURIComponent(q));
    assert.equal(await page.locator('main img').count(), 0);
    assert.equal(await page.inputValue('#search-q'), [...q].slice(0, 200).join(''));
    assert.deepEqual(realErrors(page), [], q.slice(0, 20));
    await page.context().close();
  }
  // Typed into the header box too.
  const page = await open('/es/');
  await page.locator('#site-search').fill('<script>alert(1)</script>');
  await page.locator('#site-search').press('Enter');
  await page.waitForURL(/search\?q=%3Cscript%3E/);
  await page.waitForSelector('.empty, .result');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('while parts of the index load, the box says so; then the suggestions replace the note', async () => {
  const page = await phonePage(browser);
  // The one-letter suggestions and the vocabularies wait until released.
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/\/search\/(es\/first|[^/]+\/w\/[^/]+)\.json(\?.*)?$/, async (route) => { await gate; return route.continue(); });
  await page.goto(site.url + '/es/about');
  await page.waitForSelector('main h1');
  const list = page.locator('#search-suggestions');
  await page.locator('#site-search').click();
  await page.keyboard.type('l');
  // Nothing to show yet: a note, and the list is marked busy for screen readers.
  await list.locator('.loading').waitFor();
  assert.equal(await list.locator('.loading').innerText(), 'Cargando…');
  assert.equal(await list.getAttribute('aria-busy'), 'true');
  await page.keyboard.type('ima');
  await page.waitForFunction(() => document.querySelector('#search-suggestions').dataset.q === 'lima');
  assert.equal(await list.getAttribute('aria-busy'), 'true');
  release();
  await page.waitForFunction(() => document.querySelector('#search-suggestions').getAttribute('aria-busy') === 'false');
  assert.equal(await list.locator('.loading:not([hidden])').count(), 0);
  assert.match(await list.locator('[role="option"]:not(.all):not([hidden])').first().innerText(), /Lima/);
  await page.context().close();
});

test('a part of the index that fails to load is named as missing; without the index, search says it is unavailable', async () => {
  // Every chunk of postings fails: the results still show (words found by what loaded) with a note.
  const broken = await open('/en/search?q=declaration', { setup: (p) => p.route(/\/search\/[^/]+\/c\/\d+\.json(\?.*)?$/, (r) => r.fulfill({ status: 500, body: '' })) });
  await broken.locator('.notice').waitFor();
  assert.match(await broken.locator('.notice').innerText(), /Some content could not be loaded/);
  assert.match(await broken.locator('.empty').innerText(), /We found nothing for «declaration»/);
  assert.deepEqual(realErrors(broken).filter((e) => !/500/.test(e)), []);
  // Damaged document texts (every other one): those results say so, the others show.
  const oneBad = await open('/en/search?q=declaration', { setup: (p) => p.route(/\/search\/[^/]+\/d\/\d*[02468]\.json(\?.*)?$/, (r) => r.fulfill({ status: 200, body: '{"kind":' })) });
  const shown = await oneBad.locator('.results > li').count();
  const titles = await oneBad.locator('.result-title').count();
  const failed = await oneBad.locator('.results > li', { hasText: 'This result could not be loaded.' }).count();
  assert.ok(titles >= 1 && failed >= 1 && titles + failed === shown, `${titles} + ${failed} of ${shown}`);
  assert.match(await oneBad.locator('.notice').innerText(), /Some content could not be loaded/);
  // No index at all: a message, the page and its header still work.
  const none = await open('/es/search?q=lima', { setup: (p) => p.route('**/search/index.json*', (r) => r.fulfill({ status: 404, body: 'not found' })) });
  await none.locator('[role="alert"]').waitFor();
  assert.match(await none.locator('[role="alert"]').innerText(), /La búsqueda no está disponible/);
  assert.equal(await none.locator('#search-q').inputValue(), 'lima');
  for (const p of [broken, oneBad, none]) await p.context().close();
});

test('search and the calendar work under a sub-path deployment', async () => {
  const sub = await serve('dist-sub', '/observatorio/');
  try {
    const page = await phonePage(browser);
    await page.goto(sub.url + '/es/about');
    await page.waitForSelector('main h1');
    await page.locator('#site-search').fill('lima');
    await page.locator('#site-search').press('Enter');
    await page.waitForSelector('.result');
    assert.equal(new URL(page.url()).pathname, '/observatorio/es/search');
    const first = await page.locator('.result-title a').first().getAttribute('href');
    assert.match(first, /^\/observatorio\/es\//);
    // A suggestion opens its page under the sub-path too.
    await page.locator('#site-search').fill('arendal');
    // Until its parts load, the box keeps the last list (for "lima"), marked busy.
    await page.waitForSelector('#search-suggestions[data-q="arendal"][aria-busy="false"]', { state: 'attached' });
    await page.locator('#search-suggestions [role="option"]:not(.all):not(.loading)').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/observatorio\/es\/news\/alliance-in-norway$/);
    await page.goto(sub.url + '/es/events?view=month&month=2027-03');
    await page.waitForSelector('#cal-title');
    await page.getByRole('link', { name: 'Mes siguiente' }).click();
    await page.waitForFunction(() => location.pathname === '/observatorio/es/events' && location.search.includes('month=2027-04'));
    await page.context().close();
  } finally {
    sub.stop();
  }
});
