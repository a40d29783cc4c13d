// Charts in the browser: every dataset page fits 320, 390 and 1280 px without overflow; tooltips
// by keyboard and touch; the table toggle; CSV and JSON downloads; data filters. The datasets are
// the published ones (the bundled content's, and the procurement comparison the build computes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, phonePage, chooseFilter } from './browser.mjs';
import { serve } from './server.mjs';

const DATASETS = JSON.parse(fs.readFileSync(new URL('../../dist/content/datasets.json', import.meta.url))).datasets.map((d) => d.id);
let browser, site;
before(async () => { browser = await launch(); site = await serve('dist', '/'); });
after(async () => { await browser?.close(); site?.stop(); });

async function open(path, opts) {
  const page = await phonePage(browser, opts);
  await page.goto(site.url + path);
  await page.waitForSelector('figure.chart');
  return page;
}

test('every chart page fits 320, 390 and 1280 px wide without overflow', async () => {
  for (const width of [320, 390, 1280]) {
    const page = await phonePage(browser, { viewport: { width, height: 900 } });
    for (const id of DATASETS) {
      await page.goto(`${site.url}/es/data/${id}`);
      await page.waitForSelector('figure.chart');
      const over = await page.evaluate(() => {
        const doc = document.documentElement.scrollWidth;
        const fig = document.querySelector('figure.chart').getBoundingClientRect();
        const svg = document.querySelector('.chart-svg')?.getBoundingClientRect();
        return { doc, figRight: fig.right, svgRight: svg ? svg.right : 0 };
      });
      assert.ok(over.doc <= width, `${id} at ${width}: page ${over.doc}px`);
      assert.ok(over.svgRight <= width, `${id} at ${width}: chart ends at ${over.svgRight}px`);
    }
    await page.context().close();
  }
});

test('a bar shows its value by keyboard and by touch; Escape hides it', async () => {
  const page = await open('/en/data/cyber-readiness-latam');
  const points = page.locator('.ct-point');
  assert.equal(await points.count(), 3);
  assert.equal(await points.nth(1).getAttribute('aria-label'), 'have cyber insurance: 29%');
  await page.keyboard.press('Tab');
  await points.nth(1).focus();
  assert.equal(await page.locator('.chart-tip').innerText(), 'have cyber insurance: 29%');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.chart-tip').count(), 0);
  // One Tab stop for the whole chart, arrow keys inside; the SVG is a named group.
  assert.deepEqual(await points.evaluateAll((ps) => ps.map((p) => p.getAttribute('tabindex'))), ['0', '-1', '-1']);
  assert.equal(await page.locator('svg.chart-svg').first().getAttribute('role'), 'group');
  assert.match(await page.locator('svg.chart-svg').first().getAttribute('aria-label'), /cyber/i);
  await points.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-point')), '1');
  assert.equal(await page.locator('.chart-tip').innerText(), 'have cyber insurance: 29%');
  assert.deepEqual(await points.evaluateAll((ps) => ps.map((p) => p.getAttribute('tabindex'))), ['-1', '0', '-1']);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-point')), '2');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('svg')), null, 'Tab leaves the chart');
  await points.nth(2).tap();
  assert.equal(await page.locator('.chart-tip').innerText(), 'have implemented no control at all: 75%');
  // The summary reads as a person would write it.
  assert.equal(await page.locator('.chart-summary').innerText(), 'In short: “have implemented no control at all” has the highest value (75%) and “have cyber insurance” the lowest (29%), 46 percentage points less. The highest is 2.6 times the lowest.');
  await page.context().close();
});

test('a chart\'s hint names the reader\'s own means: a finger on a phone, a mouse and keys on a desktop', async () => {
  const shown = (page) => page.locator('.chart-hint span').evaluateAll((ss) => ss.filter((s) => s.offsetParent !== null).map((s) => s.textContent));
  let page = await open('/es/data/cyber-readiness-latam');
  assert.deepEqual(await shown(page), ['Toque una barra o un punto para ver su valor.']);
  await page.context().close();
  page = await open('/en/data/cyber-readiness-latam', { viewport: { width: 1280, height: 800 }, desktop: true });
  assert.deepEqual(await shown(page), ['Point at a bar or point to see its value.', 'With a keyboard, tab into the chart and use the arrow keys.']);
  await page.context().close();
});

test('units and magnitudes are stated once, numbers follow the reader\'s locale', async () => {
  const page = await open('/es/data/sample-tenders-by-year');
  assert.equal(await page.locator('.axis-title').innerText(), 'miles de procesos');
  const ticks = await page.locator('.ct-tick').allTextContents();
  assert.ok(ticks.includes('600') && ticks.every((t) => !/procesos/.test(t)), ticks.join('|'));
  assert.equal(await page.locator('.legend li').count(), 4);
  // The missing 2021 value for Colombia is a gap, not a zero.
  assert.equal(await page.locator('.ct-dot').count(), 19);
  await page.context().close();
});

test('the table toggle and the downloads work; a value the source gives as a minimum stays one in the summary', async () => {
  let page = await open('/es/data/promotion-activities-2022');
  // The source's "más de" stays in the summary, which then makes up no difference.
  assert.equal(await page.locator('.chart-summary').innerText(), 'En resumen: «X Macrorrueda de Negocios — Agosto–octubre» tiene el valor más alto (más de 150) y «Programa de potenciación de ingreso a marketplaces de China — Marzo» el más bajo (21).');
  await page.context().close();
  page = await open('/es/data/promotion-results-2022');
  await page.click('text=Ver como tabla');
  assert.equal(await page.getAttribute('.chart-toolbar button', 'aria-pressed'), 'true');
  assert.deepEqual(await page.locator('tbody td.num').allInnerTexts(), ['2.710.734', '7.400.598', 'más de 5.790.000', '7.840.000.000']);
  await page.click('text=Ver gráfico');
  assert.equal(await page.locator('table').count(), 0);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Descargar CSV')]);
  assert.equal(csv.suggestedFilename(), 'promotion-results-2022.csv');
  const text = fs.readFileSync(await csv.path(), 'utf8');
  // The table's "más de" is kept in the CSV too, beside the number.
  assert.equal(text.split('\r\n')[0], '\ufeffActividad,Medida,Monto (USD),Monto — calificador');
  assert.ok(text.includes('X Macrorrueda de Negocios,Expectativas de negocio,5790000,más de'));
  assert.ok(text.includes('Rueda virtual de inversión (China),Intención de inversión,7840000000,'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Descargar JSON')]);
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(data.id, 'promotion-results-2022');
  assert.equal(data.rows.length, 4);
  assert.match(data.url, /\/es\/data\/promotion-results-2022$/);
  assert.equal(await page.getAttribute('a.permalink', 'href'), '/es/data/promotion-results-2022');
  await page.context().close();
});

test('the data page filters by thematic area, country and year; thematic areas show their charts', async () => {
  let page = await open('/es/data');
  assert.equal(await page.locator('figure.chart').count(), DATASETS.length);
  await chooseFilter(page, '#filter-topic', 'digital-economy');
  await page.waitForURL(/topic=digital-economy/);
  await page.waitForFunction(() => document.querySelectorAll('figure.chart').length === 1);
  await chooseFilter(page, '#filter-year', '2022');
  await page.waitForFunction(() => document.querySelectorAll('figure.chart').length === 0);
  assert.ok(await page.locator('.empty').isVisible());
  await page.context().close();
  page = await open('/en/topics/msme-women');
  assert.ok(await page.locator('figure.chart h3', { hasText: 'Sample: contracts awarded to MSMEs' }).isVisible());
  await page.context().close();
});
