// Open-contracting indicators in headless Chromium at phone size, on the bundled real OCDS
// samples (Chile's Mercado Público, Colombia's SECOP, Mexico City, Jalisco, Peru's SEACE): figures with their coverage, filters in the
// URL, the processes behind a number with links to their OCDS files, countries without data, and
// a broken source that is named while the others still show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openLoaded, realErrors, launch, chooseFilter } from './browser.mjs';
import { serve } from './server.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve('dist', '/'); });
after(async () => { await browser?.close(); site?.stop(); });

const open = (path, opts) => openLoaded(browser, site.url + path, opts);
// The page's sections are laid out only near the screen (content-visibility): a section's text
// is read as a reader reads it, scrolled to.
const shown = async (locator) => {
  await locator.scrollIntoViewIfNeeded();
  await locator.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return locator;
};
const text = async (page, sel) => (await shown(page.locator(sel).first())).innerText();
// A profile's tables below the screen are laid out only when scrolled to (`content-visibility`),
// and `innerText` leaves out what is not laid out: they are drawn first, to read all of it.
const laidOut = (page) => page.evaluate(() => document.querySelectorAll('.profile > .table-wrap').forEach((t) => { t.style.contentVisibility = 'visible'; }));
// Body cells of the data tables whose `data-label` (their name when a row reads as a card on a
// phone) is not their column's header, with the table's class: none, however the page changed.
const mislabelled = (page) => page.evaluate(() => {
  const out = [];
  for (const t of document.querySelectorAll('main table.data-table')) {
    const names = [...t.querySelectorAll('thead tr:last-child th')].map((h) => h.textContent.trim());
    for (const row of t.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        if (i < names.length && cell.getAttribute('data-label') !== names[i]) out.push(`${t.className}: ${cell.getAttribute('data-label')} ≠ ${names[i]}`);
      });
    }
  }
  return out;
});

test('the Alliance page shows each indicator with its coverage, computed from the real samples', async () => {
  const page = await open('/es/indicators');
  assert.equal(await text(page, 'main h1'), 'Indicadores de contratación abierta');
  // 62 processes in the five sources (Chile 2, Colombia and Mexico 39, Peru 21); 41 open or
  // selective (native tests pin the same code).
  assert.match(await text(page, '.result-count'), /^62 resultados/);
  // What the Alliance's figures rest on: how many processes, of which years.
  assert.equal(await text(page, '.basis'), 'Cifras calculadas sobre 62 procesos de 2011, 2015–2016, 2018, 2024 y 2026.');
  assert.equal(await text(page, '#competitive-share .figure'), '66,1 %');
  assert.match(await text(page, '#competitive-share .coverage'), /Basado en 62 de 62 procesos/);
  // Single bid: among competitive processes with a known number of tenderers.
  assert.match(await text(page, '#single-bid .coverage'), /Basado en \d+ de 62 procesos/);
  await page.locator('#single-bid summary').click();
  assert.match(await text(page, '#single-bid .left-out'), /no es competitivo: \d+/);
  // Every indicator explains itself, in plain language.
  assert.match(await text(page, '#decision-period .explain'), /rango intercuartílico/);
  // The procedure mix with the publishers' own names, drawn by the chart component.
  assert.ok(await page.locator('#procedure-mix .chart-svg').isVisible());
  assert.match(await text(page, '#procedure-mix table'), /Licitación Pública/);
  // Data quality, per source: files read, processes, missing fields.
  const sources = await page.locator('#data-quality .source').evaluateAll((els) => els.map((e) => e.dataset.source));
  assert.deepEqual(sources, ['chile-mercadopublico-2026', 'colombia-secop-2016', 'mexico-cdmx-2016', 'mexico-jalisco-2017', 'peru-seace-2024']);
  // Each source credits its publisher with the licence it gives.
  assert.match(await text(page, '#data-quality [data-source="peru-seace-2024"]'), /Licencia\s+CC BY 4\.0 \(OECE\)/);
  assert.match(await text(page, '#data-quality [data-source="peru-seace-2024"]'), /Periodo cubierto\s+2024\s+Fecha de los datos\s+28 de diciembre de 2025/);
  assert.match(await text(page, '#data-quality [data-source="colombia-secop-2016"]'), /Periodo cubierto\s+2011 y 2016/);
  // Peru's tender periods open and close at the same midnight, and five of Mexico City's at
  // placeholder instants (2016-01-01 00:00): named and left out, not counted as 0 days.
  await page.locator('#tendering-period summary').click();
  assert.match(await text(page, '#tendering-period .left-out'), /plazo de ofertas de cero días[^\n]*: 25/);
  assert.match(await text(page, '#data-quality [data-source="mexico-cdmx-2016"]'), /tender\.numberOfTenderers/);
  // Colombia's sample lost accented letters before publication: said, not hidden.
  assert.match(await text(page, '#data-quality [data-source="colombia-secop-2016"]'), /caracteres dañados[^\n]*\n\d+/);
  assert.doesNotMatch(await text(page, '#data-quality [data-source="mexico-jalisco-2017"]'), /caracteres dañados/);
  // No horizontal scroll at phone width.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('filters live in the URL, combine, and Back restores the previous figures', async () => {
  const page = await open('/es/indicators');
  const before = await text(page, '#competitive-share .figure');
  await chooseFilter(page, '#filter-year', '2016');
  await page.waitForURL(/year=2016/);
  await page.waitForFunction((b) => document.querySelector('#competitive-share .figure')?.innerText !== b, before);
  const n2016 = await text(page, '.result-count');
  // Redrawn rows keep their columns' names (the labels follow the mutations of each table).
  assert.ok(await page.locator('main table.data-table tbody td').count() > 20);
  assert.deepEqual(await mislabelled(page), []);
  const fig2016 = await text(page, '#competitive-share .figure');
  await chooseFilter(page, '#filter-method', 'open');
  await page.waitForURL(/year=2016.*method=open|method=open.*year=2016/);
  await page.waitForFunction(() => document.querySelector('#competitive-share .figure')?.innerText === '100,0 %');
  assert.notEqual(await text(page, '.result-count'), n2016);
  // Back to filters seen (their results are kept): the same figures, not the last ones.
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector('.result-count')?.innerText === t, n2016);
  assert.equal(await text(page, '#competitive-share .figure'), fig2016);
  await page.goBack();
  await page.waitForFunction((b) => document.querySelector('#competitive-share .figure')?.innerText === b, before);
  assert.deepEqual(await mislabelled(page), []);
  // The threshold keeps the processes and changes the short-submission share, there and back.
  const count = await text(page, '.result-count');
  const short = await text(page, '#short-submission .figure');
  await chooseFilter(page, '#filter-days', '30');
  await page.waitForURL(/days=30/);
  await page.waitForFunction((b) => document.querySelector('#short-submission .figure')?.innerText !== b, short);
  assert.equal(await text(page, '.result-count'), count);
  await chooseFilter(page, '#filter-days', '');
  await page.waitForFunction((b) => document.querySelector('#short-submission .figure')?.innerText === b, short);
  // The other language: every header and label in English, with the filters kept.
  await page.click('.lang-switch');
  await page.waitForURL(/\/en\/indicators/);
  await page.waitForFunction(() => document.querySelector('table.data-table.comparison tbody td')?.getAttribute('data-label') === 'Processes');
  assert.deepEqual(await mislabelled(page), []);
  // A shared URL with an absurd value keeps the rest and says what it ignored.
  const shared = await open('/en/indicators/mexico?year=2016&days=99999&method=%3Cscript%3E');
  assert.match(await text(shared, '.notice'), /days, method/);
  assert.match(await text(shared, 'main h1'), /Mexico$/);
  await page.context().close();
  await shared.context().close();
});

test('each number leads to its processes, and each process to its OCDS file', async () => {
  const page = await open('/es/indicators/mexico');
  const figure = page.locator('#bidders .figure');
  await figure.click();
  await page.waitForURL(/list=bidders/);
  await page.waitForSelector('.process-list .process');
  const count = Number((await text(page, '.process-list .result-count')).split(' ')[0]);
  assert.ok(count > 0);
  assert.equal(await page.locator('.process-list .process').count(), Math.min(count, 20));
  // The ocids and titles arrive from their own file; each links to the file it was read from.
  await page.waitForFunction(() => /OCDS-|ocds-/.test(document.querySelector('.process .ocid code')?.innerText || ''));
  assert.notEqual(await text(page, '.process .process-title'), 'Proceso sin título publicado');
  const ocid = await text(page, '.process .ocid code');
  const href = await page.locator('.process a[type="application/json"]').first().getAttribute('href');
  const res = await page.request.get(site.url + href);
  assert.equal(res.status(), 200);
  assert.ok((await res.text()).includes(ocid), `${href} holds ${ocid}`);
  // Back to the dashboard, with the filters kept.
  await page.locator('.process-list a', { hasText: 'Volver a los indicadores' }).click();
  await page.waitForSelector('#bidders .figure');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('every member shows real figures, and buyers are named as their data names them', async () => {
  const peru = await open('/es/indicators/peru');
  assert.match(await text(peru, '.result-count'), /^21 resultados/);
  assert.equal(await text(peru, '.basis'), 'Cifras calculadas sobre 21 procesos de 2024.');
  const table = await text(peru, '#buyer-non-competitive table');
  assert.match(table, /OFICINA DE NORMALIZACION PREVISIONAL/);
  assert.doesNotMatch(table, /PE-CONSUCODE-/);
  assert.doesNotMatch(await text(peru, '#supplier-concentration table'), /PE-CONSUCODE-/);
  // Colombia's buyers were hexadecimal ids in the tables; the filter already had names.
  const colombia = await open('/es/indicators/colombia');
  assert.doesNotMatch(await text(colombia, '#buyer-non-competitive table'), /\b[0-9a-f]{12,}\b/);
  // Suppliers too: their names as published, not the hexadecimal ids the awards carry.
  const suppliers = await text(colombia, '#supplier-concentration table');
  assert.doesNotMatch(suppliers, /\b[0-9a-f]{12,}\b/);
  assert.match(suppliers, /[A-ZÁÉÍÓÚÑ]{3,} [A-ZÁÉÍÓÚÑ]{3,}/);
  // A buyer's name leads to its profile, by its id.
  await colombia.locator('#buyer-non-competitive tbody th a').first().click();
  await colombia.waitForURL(/buyer-profile=[0-9a-f]{12,}/);
  await colombia.waitForSelector('.profile h2');
  const chile = await open('/es/indicators/chile');
  assert.match(await text(chile, '.result-count'), /^2 resultados/);
  assert.match(await text(chile, '#data-quality [data-source="chile-mercadopublico-2026"]'), /Licencia\s+CC0 1\.0/);
  for (const p of [peru, colombia, chile]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
});

test('the four members side by side and each indicator per year, with coverage and downloads', async () => {
  const page = await open('/es/indicators');
  await page.waitForSelector('#comparison table tbody tr');
  const rows = await page.locator('#comparison tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => r.slice(0, 3)), [
    ['Chile', '2', '100,0 % (2)'],
    ['Colombia', '21', '23,8 % (21)'],
    ['México', '18', '77,8 % (18)'],
    ['Perú', '21', '95,2 % (21)'],
  ]);
  // One methodology: the same eight indicators for every member; no data is a dash, not 0.
  assert.equal(rows[0].length, 10);
  assert.ok(rows.some((r) => r.some((c) => c.startsWith('— ('))));
  assert.ok(await page.locator('#comparison .chart-svg').isVisible());
  // Its source names the publishers, not the standard.
  assert.match(await text(page, '#comparison .chart'), /Fuente:[^\n]*ChileCompra[^\n]*OECE/);
  assert.match(await text(page, '#procedure-mix'), /Fuente:[^\n]*Colombia Compra Eficiente/);
  // The whole table as CSV, in the reader's language, with every indicator and its coverage.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#comparison .downloads button').first().click()]);
  assert.equal(csv.suggestedFilename(), 'ocds-comparison.csv');
  const body = (await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = body.trim().split(/\r\n/);
  assert.match(lines[0], /^Miembro,Procesos,Procesos competitivos \(%\),Procesos competitivos — procesos con el dato,/);
  assert.match(lines[4], /^Perú,21,95\.2\d*,21,/);
  // Time series: per member per year; picking another indicator redraws chart and table.
  const series = () => page.locator('#time-series tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const years = (await series()).map((r) => r[0]);
  assert.deepEqual(years, ['2011', '2015', '2016', '2018', '2024', '2026']);
  assert.deepEqual((await series()).find((r) => r[0] === '2024'), ['2024', '—', '—', '—', '95,2 % (21)']);
  await page.selectOption('#time-series select', '1');
  await page.waitForFunction(() => /Oferta única/.test(document.querySelector('#time-series .chart h3')?.innerText || ''));
  assert.match((await series()).find((r) => r[0] === '2024')[4], /^\d+,\d % \(\d+\)$/);
  // Every indicator per year, one CSV per member.
  const [peru] = await Promise.all([page.waitForEvent('download'), page.locator('#time-series .downloads button', { hasText: 'Perú' }).click()]);
  assert.equal(peru.suggestedFilename(), 'ocds-per-year-peru.csv');
  const pe = (await (await import('node:fs/promises')).readFile(await peru.path(), 'utf8')).trim().split(/\r\n/);
  assert.equal(pe.length, 1 + 6);
  assert.match(pe.find((l) => l.startsWith('2024')), /^2024,21,95\.2\d*,21,/);
  // Under the downloads, each publisher's licence.
  assert.match(await text(page, '#comparison .licences'), /OECE[^\n]*CC BY 4\.0/);
  // A filter redraws the tables (their cells in place): the year's processes per member, the
  // series of the members with processes that year, the year's missing fields; and back.
  const table = (id) => page.locator(`${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const missingAll = await table('#missing-fields');
  await page.selectOption('#time-series select', '0');
  await chooseFilter(page, '#filter-year', '2024');
  await page.waitForFunction(() => document.querySelector('#comparison tbody td')?.textContent.trim() === '0');
  assert.deepEqual((await table('#comparison')).map((r) => r.slice(0, 3)), [
    ['Chile', '0', '— (0)'], ['Colombia', '0', '— (0)'], ['México', '0', '— (0)'], ['Perú', '21', '95,2 % (21)'],
  ]);
  assert.deepEqual((await table('#time-series')).find((r) => r[0] === '2024'), ['2024', '95,2 % (21)']);
  assert.deepEqual((await table('#time-series')).find((r) => r[0] === '2016'), ['2016', '—']);
  const missing2024 = await table('#missing-fields');
  assert.equal(missing2024.length, missingAll.length);
  assert.deepEqual(missing2024.find((r) => r[0].endsWith('contracts.dateSigned')).slice(1), ['10', '47,6 %']);
  assert.match(await page.locator('#missing-fields tbody a').last().getAttribute('href'), /year=2024/);
  // The buyers' table: the year's buyers (Peru's), each row's links carrying the filter.
  const buyers2024 = await table('#buyer-non-competitive');
  assert.ok(buyers2024.length > 0);
  assert.ok((await page.locator('#buyer-non-competitive tbody td a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).every((h) => /year=2024/.test(h) && /buyer=/.test(h)));
  // The method mix and the supplier concentration too (rows rewritten in place): as the page
  // of the same processes loaded afresh, links carrying the filter.
  const conc2024 = await table('#supplier-concentration');
  const mix2024 = await table('#procedure-mix');
  assert.ok(conc2024.length > 0 && mix2024.length > 0);
  assert.ok((await page.locator('#supplier-concentration tbody td.num a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).every((h) => /year=2024/.test(h) && /buyer=/.test(h)));
  assert.ok((await page.locator('#procedure-mix tbody td.num a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).every((h) => /year=2024/.test(h) && /list=method-/.test(h)));
  const peruBuyers = await open('/es/indicators/peru');
  await peruBuyers.waitForSelector('#buyer-non-competitive tbody tr');
  const fresh = (id) => peruBuyers.locator(`${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(await fresh('#buyer-non-competitive'), buyers2024);
  assert.deepEqual(await fresh('#supplier-concentration'), conc2024);
  assert.deepEqual(await fresh('#procedure-mix'), mix2024);
  await peruBuyers.context().close();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#comparison tbody td')?.textContent.trim() === '2');
  assert.deepEqual(await table('#missing-fields'), missingAll);
  assert.notDeepEqual(await table('#buyer-non-competitive'), buyers2024);
  assert.notDeepEqual(await table('#supplier-concentration'), conc2024);
  assert.notDeepEqual(await table('#procedure-mix'), mix2024);
  assert.deepEqual((await table('#time-series')).find((r) => r[0] === '2024'), ['2024', '—', '—', '—', '95,2 % (21)']);
  // New suppliers per year and each member's market concentration (HHI per currency).
  const market = await text(page, '#supplier-market');
  assert.match(market, /Proveedores nuevos por año/);
  assert.match(market, /Perú · PEN\s+\d+\s+[\d.]+\s+[\d.]+ concentración (alta|moderada|baja)/);
  assert.match(market, /Colombia 2016\s+\d+\s+\d+\s+\d+,\d %/);
  // Every code the page shows is explained in words.
  assert.match(await text(page, '#glossary'), /R018\s+Código de Cardinal/);
  assert.match(await text(page, '#glossary'), /tender\.procurementMethod\s+Modalidad/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepEqual(realErrors(page), []);
  // A member's own page: its own series, no comparison.
  const en = await open('/en/indicators/peru');
  await en.waitForSelector('#time-series tbody tr');
  assert.equal(await en.locator('#comparison').count(), 0);
  assert.deepEqual((await (await shown(en.locator('#time-series thead'))).locator('th').allInnerTexts()).map((t) => t.trim()), ['Year', 'Peru']);
  assert.match(await text(en, '#glossary'), /R003\s+Cardinal's code/);
  await page.context().close();
  await en.context().close();
});

test('a list of processes reads as names, dates and links, and downloads as CSV', async () => {
  const page = await open('/es/indicators/chile?list=all');
  await page.waitForFunction(() => document.querySelector('.process .process-title')?.innerText === 'MAQUINARIAS DE ASEO CLÍNICO');
  const first = await text(page, '.process');
  // The buyer by the name its data gives among the parties, never its id.
  assert.match(first, /Comprador\s+CORP MUNIC EDUC SALUD Y ATENCION/);
  assert.doesNotMatch(first, /CL-MP-/);
  assert.match(first, /Modalidad\s+Abierta \(Licitación Pública Entre 100 y 1000 UTM \(LE\)\)/);
  assert.match(first, /Plazo de ofertas\s+2026-07-0\d – 2026-07-0\d/);
  // The process's page on Mercado Público, built from its tender id.
  assert.equal(await page.locator('.process a', { hasText: 'Página del proceso' }).first().getAttribute('href'),
    'https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=1211839-44-LE26');
  assert.match(await text(page, '.process-list .licences'), /ChileCompra[^\n]*CC0 1\.0/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.process-list .downloads button').first().click()]);
  const lines = (await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8')).trim().split(/\r\n/);
  assert.equal(lines.length, 3);
  assert.match(lines[0], /ocid,Título,Comprador,Proveedores,Modalidad \(OCDS\)/);
  assert.match(lines[1], /^ocds-70d2nz-1211839-44-LE26,MAQUINARIAS DE ASEO CLÍNICO,CORP MUNIC/);
  assert.match(lines[1], /ocds\/chile\/sample\/[^,]+\.json,ChileCompra/);
  // Suppliers by name (Peru's awards), with the document the publisher links.
  const peru = await open('/es/indicators/peru?list=all');
  await peru.waitForFunction(() => /Proveedores/.test(document.querySelector('.process-list')?.innerText || ''));
  assert.match(await text(peru, '.process-list'), /Proveedores\s+CONSORCIO CHAWPY/);
  // The publisher's documents come with the details file, read after the digest: wait for them.
  await peru.locator('.process a', { hasText: 'Documento del proceso' }).first().waitFor({ timeout: 10000 });
  for (const p of [page, peru]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
});

test("members' amounts side by side in US dollars at each year's rate, beside their own currency, with the rates' source", async () => {
  const page = await open('/es/indicators');
  await page.waitForSelector('#awarded-usd tbody tr');
  await shown(page.locator('#awarded-usd'));
  const rows = await page.locator('#awarded-usd tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  const peru = rows.find((r) => r[0] === 'Perú');
  // Each currency stays; the dollars are beside it, with the rate and its year.
  assert.match(peru[1], /^PEN\s[\d.]+$/);
  assert.match(peru[2], /^US\$\s[\d.]+$/);
  assert.match(peru[3], /1\sUS\$ = 3,75\sPEN \(2024\)/);
  // No break between a number and its currency.
  assert.match(peru[3], /3,75\u00a0PEN/);
  // Mexico's data has pesos and dollars: summed only once converted, each year at its rate.
  const mexico = rows.find((r) => r[0] === 'México');
  assert.match(mexico[1], /MXN\s[\d.]+; USD\s[\d.]+/);
  // One rate per line.
  assert.match(mexico[3], /MXN \(2015\)\n.*MXN \(2016\)/);
  assert.match(await text(page, '#supplier-market .licences'), /Banco Mundial[^\n]*PA\.NUS\.FCRF[\s\S]*CC BY 4\.0/);
  // A process of a year with no rate yet (Chile's 2026) says which year's rate it used.
  const cl = await open('/es/indicators/chile?list=all');
  await cl.waitForSelector('.process');
  assert.match(await text(cl, '.process'), /Valor\s+50\.000\.000 CLP ≈\sUS\$\s[\d.]+ \(tipo de cambio de 2024\)/);
  // In English too, in a profile's values per year.
  const en = await open('/en/indicators/peru?supplier-profile=PE-RUC-1522853');
  await en.waitForSelector('.profile h2');
  await laidOut(en);
  assert.match(await en.locator('.profile table').last().innerText(), /2024\s+1\s+210,148 PEN\s+≈\sUS\$\s[\d,]+ \(2024 exchange rate\)/);
  for (const p of [page, cl, en]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
});

// The profile's text, figures and all (the links' targets aside).
const profileText = async (page) => { await laidOut(page); return (await shown(page.locator('.profile'))).innerText(); };
// The data files a page asked for: digests and published profiles.
const dataRequests = (page) => {
  const urls = [];
  page.on('request', (r) => { const u = r.url(); if (/\/ocds\/(digest|profiles)\//.test(u)) urls.push(new URL(u).pathname); });
  return urls;
};

test('a profile opened from a link reads its own published file, the same figures as computed from the data', async () => {
  // Drawn from the whole page's data: the Peru page loaded, then a click on the buyer.
  const page = await open('/es/indicators/peru');
  await page.waitForSelector('#competitive-share .figure');
  await page.locator('#buyer-non-competitive tbody th a', { hasText: 'OFICINA DE NORMALIZACION PREVISIONAL' }).click();
  await page.waitForSelector('.profile .profile-count');
  const computed = await profileText(page);
  // From a shared link: one small file, no digest.
  let urls;
  const shared = await open('/es/indicators/peru?buyer-profile=PE-CONSUCODE-1984', { setup: (p) => { urls = dataRequests(p); } });
  await shared.waitForSelector('.profile .profile-count');
  assert.equal(await profileText(shared), computed);
  assert.ok(urls.length === 1 && /^\/ocds\/profiles\/buyer-\d+\.json$/.test(urls[0]), urls.join(' '));
  // Preloaded by the page's start script with the main module, not asked for after it.
  const how = await shared.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/ocds/profiles/')).map((e) => e.initiatorType));
  assert.deepEqual(how, ['link']);
  // Back to the indicators: the data loads then.
  await shared.locator('.profile a', { hasText: 'Volver' }).first().click();
  await shared.waitForSelector('#competitive-share .figure');
  assert.ok(urls.some((u) => u.startsWith('/ocds/digest/')));
  // A partner's profile from there: its own file too, the Alliance's page the same as Peru's.
  const partner = await open('/es/indicators?supplier-profile=PE-RUC-1522853', { setup: (p) => { urls = dataRequests(p); } });
  await partner.waitForSelector('.profile .profile-count');
  assert.equal(await text(partner, '.profile h2'), 'CONSORCIO CHAWPY');
  assert.ok(urls.length === 1 && urls[0].startsWith("/ocds/profiles/supplier-"), urls.join(" "));
  // Another threshold than the published one: computed from the data, figures and all.
  const other = await open('/es/indicators/peru?buyer-profile=PE-CONSUCODE-1984&days=30', { setup: (p) => { urls = dataRequests(p); } });
  await other.waitForSelector('.profile .profile-count');
  assert.ok(urls.some((u) => u.startsWith('/ocds/digest/')) && !urls.some((u) => u.startsWith('/ocds/profiles/')), urls.join(' '));
  // The published file unreachable: the profile is computed from the data instead, the same.
  const offline = await open('/es/indicators/peru?buyer-profile=PE-CONSUCODE-1984', {
    setup: (p) => p.route('**/ocds/profiles/**', (r) => r.abort()),
  });
  await offline.waitForSelector('.profile .profile-count');
  assert.equal(await profileText(offline), computed);
  // Unknown in the published files: said so, without loading the data.
  const none = await open('/es/indicators/peru?supplier-profile=nadie', { setup: (p) => { urls = dataRequests(p); } });
  assert.match(await text(none, '.profile .notice'), /Ningún proceso/);
  assert.ok(!urls.some((u) => u.startsWith('/ocds/digest/')), urls.join(' '));
  for (const p of [page, shared, partner, other, none]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
  await offline.context().close();
});

test("a buyer's and a supplier's profile: shareable, in both languages, every number a link", async () => {
  const page = await open('/es/indicators/peru');
  await page.locator('#buyer-non-competitive tbody th a', { hasText: 'OFICINA DE NORMALIZACION PREVISIONAL' }).click();
  await page.waitForURL(/buyer-profile=PE-CONSUCODE-1984/);
  assert.equal(await text(page, '.profile h2'), 'OFICINA DE NORMALIZACION PREVISIONAL');
  assert.equal(await text(page, '.profile .kicker'), 'COMPRADOR · PERÚ');
  assert.match(await text(page, '.profile .matched'), /identificador que dan los datos:\s+PE-CONSUCODE-1984/);
  // Its figures beside Peru's, on one methodology, each with the processes it rests on.
  const rows = await page.locator('.profile table').first().locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, 8);
  assert.equal(rows[0][0], 'Procesos competitivos');
  assert.match(rows[0][2], /^95,2 % \(21\)$/);
  // The count leads to its processes, all of them its own.
  const n = Number((await text(page, '.profile-count')).split(' ')[0]);
  await page.locator('.profile-count a').click();
  await page.waitForURL(/buyer=PE-CONSUCODE-1984.*list=all/);
  await page.waitForSelector('.process-list .process');
  // In the singular for one.
  assert.match(await text(page, '.process-list .result-count'), new RegExp(`^${n} ${n === 1 ? 'proceso' : 'procesos'}\\b`));
  // A supplier's profile from a shared link, in English: its buyers, their shares and the HHI.
  const en = await open('/en/indicators/peru?supplier-profile=PE-RUC-1522853');
  await en.waitForSelector('.profile h2');
  assert.equal(await text(en, '.profile h2'), 'CONSORCIO CHAWPY');
  assert.match(await text(en, '.profile .kicker'), /^SUPPLIER · PERU$/);
  assert.match(await text(en, '.profile'), /Buyers it works with most/);
  assert.match(await text(en, '.profile'), /EMPRESA REGIONAL DE SERVICIOS PUBLICOS DE ELECTRICIDAD DEL SUR ESTE/);
  assert.match(await text(en, '.profile .hhi'), /HHI: 10,000 highly concentrated/);
  // From the process list, a supplier's name leads to its profile.
  const list = await open('/es/indicators/peru?list=all');
  await list.locator('.process a', { hasText: 'CONSORCIO CHAWPY' }).first().click();
  await list.waitForURL(/supplier-profile=PE-RUC-1522853/);
  await list.waitForSelector('.profile h2');
  // The buyer's link in its table goes back to a buyer's profile.
  await list.locator('.profile tbody th a').first().click();
  await list.waitForURL(/buyer-profile=/);
  await list.waitForSelector('.profile .kicker');
  assert.match(await text(list, '.profile .kicker'), /^COMPRADOR/);
  // A supplier's processes, by its key.
  await list.goto(site.url + '/es/indicators/peru?supplier=PE-RUC-1522853&list=all');
  await list.waitForSelector('.process-list .process');
  assert.match(await text(list, '.process-list'), /CONSORCIO CHAWPY/);
  // Unknown: said so, not a blank page.
  const none = await open('/es/indicators/peru?buyer-profile=nadie');
  assert.match(await text(none, '.profile .notice'), /Ningún proceso/);
  assert.ok(await en.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  for (const p of [page, en, list, none]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
});

test('each indicator links to its methodology: definition, computation, threshold, exclusions, reference, limitations', async () => {
  const page = await open('/es/indicators/peru');
  await page.locator('#short-submission .methodology-link a').click();
  await page.waitForURL(/\/es\/indicators\/peru\?methodology=short-submission$/);
  const body = await text(page, '.methodology');
  assert.match(body, /Plazo de ofertas corto \(R003\)/);
  assert.match(body, /Umbral\s+15 días por omisión/);
  assert.match(body, /Procesos que deja fuera[\s\S]*plazo de ofertas de cero días/);
  assert.match(body, /Referencia\s+Cardinal, R003/);
  assert.match(await page.locator('.methodology a[target="_blank"]').getAttribute('href'), /^https:\/\/cardinal\.readthedocs\.io\//);
  // Back to the card it came from.
  await page.locator('.methodology a', { hasText: 'Volver a los indicadores' }).click();
  await page.waitForURL(/#short-submission$/);
  const en = await open('/en/indicators?methodology=supplier-concentration');
  assert.match(await text(en, '.methodology'), /Limitations\s+A buyer with few purchases/);
  const none = await open('/en/indicators?methodology=nope');
  assert.match(await text(none, '.methodology .notice'), /does not exist/);
  for (const p of [page, en, none]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
});

test('a member without data says so; an unknown country is not found', async () => {
  // Every member has a bundled source now: a deployment without Chile's is simulated.
  const chile = await open('/es/indicators/chile', {
    setup: (p) => p.route('**/ocds/manifest.json*', async (route) => {
      const res = await route.fetch();
      const m = await res.json();
      m.sources = m.sources.filter((s) => s.country !== 'CL');
      await route.fulfill({ response: res, body: JSON.stringify(m) });
    }),
  });
  assert.match(await text(chile, 'main .notice'), /Todavía no hay fuentes/);
  const narnia = await open('/es/indicators/narnia');
  assert.equal(await text(narnia, 'main h1'), 'Página no encontrada');
  assert.match(await text(narnia, 'main .notice'), /no corresponde a ninguna página/);
  await chile.context().close();
  await narnia.context().close();
});

test('a truncated source is named and the other sources still show', async () => {
  const page = await open('/es/indicators', {
    setup: (p) => p.route('**/ocds/digest/mexico-cdmx-2016.json*', async (route) => {
      const res = await route.fetch();
      const body = await res.text();
      await route.fulfill({ response: res, body: body.slice(0, body.length / 2) });
    }),
  });
  const error = await text(page, '.load-error');
  assert.match(error, /ocds\/digest\/mexico-cdmx-2016\.json/);
  assert.match(error, /no se pudo leer/);
  const sources = await page.locator('#data-quality .source:not(.failed)').evaluateAll((els) => els.map((e) => e.dataset.source));
  assert.deepEqual(sources, ['chile-mercadopublico-2026', 'colombia-secop-2016', 'mexico-jalisco-2017', 'peru-seace-2024']);
  assert.ok(Number((await text(page, '.result-count')).split(' ')[0]) < 62);
  await page.context().close();
});

test('a source or the manifest that fails can be read again with its retry, and the page completes', async () => {
  // The digest fails once (a dropped connection), then the server answers again.
  let failures = 1;
  const page = await open('/es/indicators', {
    setup: (p) => p.route('**/ocds/digest/peru-seace-2024.json*', (route) => (failures-- > 0 ? route.abort() : route.continue())),
  });
  const error = page.locator('.load-error', { hasText: 'no se pudo leer' }).first();
  assert.match(await error.innerText(), /ocds\/digest\/peru-seace-2024\.json/);
  const before = await page.locator('#data-quality .source:not(.failed)').count();
  await error.locator('button', { hasText: 'Reintentar' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#data-quality .source:not(.failed)').length === n + 1, before);
  assert.equal(await page.locator('.load-error', { hasText: 'no se pudo leer' }).count(), 0);
  await page.context().close();
  // The manifest itself: its error, then the page once it is read.
  let down = 1;
  const manifest = await openLoaded(browser, site.url + '/en/indicators', {
    setup: (p) => p.route('**/ocds/manifest.json*', (route) => (down-- > 0 ? route.fulfill({ status: 503, body: '' }) : route.continue())),
  });
  const box = manifest.locator('.load-error').first();
  assert.match(await box.innerText(), /list of data sources \(ocds\/manifest\.json\) could not be read[\s\S]*HTTP 503/);
  await box.locator('button', { hasText: 'Try again' }).click();
  await manifest.locator('#data-quality .source').first().waitFor();
  assert.equal(await manifest.locator('.load-error').count(), 0);
  await manifest.context().close();
});

test('sources named by URL are read in the browser; an oversized one is refused by name', async () => {
  const file = '/ocds/mexico/jalisco/sample/records/ocds-xs1qbl-15-0010-00-2017.json';
  const page = await open('/es/indicators/peru', {
    setup: async (p) => {
      await p.route('**/ocds/manifest.json*', async (route) => {
        const res = await route.fetch();
        const m = await res.json();
        const name = (s) => ({ es: s, en: s });
        m.sources = m.sources.filter((s) => s.country !== 'PE');
        m.sources.push({ id: 'peru-web', country: 'PE', name: name('Fuente web de prueba'), publisher: 'Prueba', sample: true, files: [site.url + file] });
        m.sources.push({ id: 'peru-big', country: 'PE', name: name('Fuente enorme'), publisher: 'Prueba', files: [site.url + '/big.json'] });
        await route.fulfill({ response: res, body: JSON.stringify(m) });
      });
      await p.route('**/big.json*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: ' '.repeat(11 * 1024 * 1024) }));
    },
  });
  assert.match(await text(page, '.load-error'), /big\.json: 11 MB, more than the 10 MB/);
  assert.deepEqual(await page.locator('#data-quality .source:not(.failed)').evaluateAll((els) => els.map((e) => e.dataset.source)), ['peru-web']);
  assert.match(await text(page, '#data-quality [data-source="peru-web"]'), /Ejemplo/);
  // The processes behind a number carry their real ocid and link to the file on the web.
  await page.locator('#competitive-share .figure').click();
  await page.waitForSelector('.process-list .process');
  assert.equal(await text(page, '.process .ocid code'), 'ocds-xs1qbl-15-0010-00-2017');
  const link = page.locator('.process a[target="_blank"]', { hasText: 'Datos OCDS' }).first();
  assert.equal(await link.getAttribute('href'), site.url + file);
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await page.context().close();
});

test('bid-level flags (R024, R058) appear only where the data has comparable bids, as Cardinal computes them', async () => {
  // The real samples have no comparable bids (Chile's bids have no award yet): no such cards.
  const real = await open('/es/indicators');
  await real.waitForSelector('#single-bid .figure');
  assert.equal(await real.locator('#close-bid, #discounted-bid').count(), 0);
  // Cardinal's own examples (docs/examples/R/024.jsonl and 058.jsonl), served as sources on the web.
  const lines = (ratioOf) => [['F', ratioOf('F')], ...['1', '2', '3', '4'].map((o) => [o, ratioOf(o)])]
    .map(([ocid, lose]) => JSON.stringify({ ocid: `${ocid}-${lose}`, bids: { details: [
      { status: 'valid', tenderers: [{ id: 'W' }], value: { amount: 1, currency: 'USD' } },
      { status: 'valid', tenderers: [{ id: 'L' }], value: { amount: lose, currency: 'USD' } }] },
    awards: [{ status: 'active', suppliers: [{ id: 'W' }] }] })).join('\n');
  const r024 = lines((o) => (o === 'F' ? 2 : 100));
  const r058 = lines((o) => (o === 'F' ? 100 : 2));
  const page = await open('/en/indicators/peru', {
    setup: async (p) => {
      await p.route('**/ocds/manifest.json*', async (route) => {
        const res = await route.fetch();
        const m = await res.json();
        m.sources = [
          { id: 'cardinal-r024', country: 'PE', name: { es: 'R024', en: 'R024' }, publisher: 'Cardinal', sample: true, files: [site.url + '/r024.jsonl'] },
          { id: 'cardinal-r058', country: 'PE', name: { es: 'R058', en: 'R058' }, publisher: 'Cardinal', sample: true, files: [site.url + '/r058.jsonl'] },
        ];
        await route.fulfill({ response: res, body: JSON.stringify(m) });
      });
      await p.route('**/r024.jsonl*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: r024 }));
      await p.route('**/r058.jsonl*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: r058 }));
    },
  });
  await page.waitForSelector('#close-bid .figure');
  // Each file on its own flags its F; together (ten ratios: five of 1, five of 99) the fences
  // move, which the native tests pin. Here: both cards, each figure a link to its processes.
  assert.match(await text(page, '#close-bid .coverage'), /Based on 10 of 10 processes/);
  await page.locator('#close-bid .figure').click();
  await page.waitForURL(/list=close-bid/);
  await page.waitForSelector('.process-list .result-count');
  assert.match(await text(page, '.process-list h2'), /Price close to the winning bid \(R024\)/);
  await page.goBack();
  await page.waitForSelector('#discounted-bid .figure');
  assert.match(await text(page, '#discounted-bid .explain'), /R058 is its code in Cardinal/);
  for (const p of [real, page]) { assert.deepEqual(realErrors(p), []); await p.context().close(); }
});
