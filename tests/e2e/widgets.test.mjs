// Embeddable widgets in headless Chromium: a host page on a second origin (another port on
// 127.0.0.1) under a strict Content-Security-Policy, with three widgets and a hostile one; each
// shows its real content, sizes its iframe with no inner scrollbar, leaves the host untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, phonePage, openLoaded, realErrors } from './browser.mjs';
import { serve } from './server.mjs';

let browser, site, host, hostDir;
const hostPage = (obs, body, { csp = true } = {}) => `<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${csp ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${obs}; frame-src ${obs}; style-src 'unsafe-inline'">` : ''}
<title>Ministerio (host)</title>
<style>
  body { font: 17px/1.4 Georgia, serif; color: rgb(40, 10, 10); background: rgb(250, 250, 240); margin: 8px; }
  h1 { color: rgb(120, 0, 0); font-size: 30px; }
  a { color: rgb(0, 90, 0); }
  .box { border: 1px solid #999; margin: 12px 0; }
</style></head>
<body>
<h1>Portal del ministerio</h1>
<p id="para">Texto propio del ministerio con un <a id="own" href="#x">enlace</a>.</p>
${body}
</body></html>`;

const widgets = (obs) => `
<div class="box" data-observatorio="events" data-lang="es" data-country="CO" data-n="3"><a href="${obs}/es/events">Eventos del Observatorio</a></div>
<div class="box" data-observatorio="news" data-lang="en" data-compact="1" data-theme="dark" data-accent="#ffcc00"><a href="${obs}/en/news">Observatory news</a></div>
<div class="box" data-observatorio="chart" data-lang="es" data-dataset="sample-tenders-by-year"><a href="${obs}/es/data/sample-tenders-by-year">Gráfico</a></div>
<div class="box" id="hostile" data-observatorio="news" data-lang="es" data-accent="red;}&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;" data-n="100000"><a href="${obs}/es/news">Noticias</a></div>
<script src="${obs}/embed.js" async></script>`;

before(async () => {
  browser = await launch();
  site = await serve('dist', '/');
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'), hostPage(site.url, widgets(site.url)));
  fs.writeFileSync(path.join(hostDir, 'control.html'), hostPage(site.url, widgets(site.url).replace(/<script[^]*$/, '')));
  fs.writeFileSync(path.join(hostDir, '404.html'), 'not found');
  host = await serve(path.relative(path.resolve('.'), hostDir), '/');
});
after(async () => { await browser?.close(); site?.stop(); host?.stop(); fs.rmSync(hostDir, { recursive: true, force: true }); });

const frames = (page) => page.frames().filter((f) => f.url().includes('/widget/'));

async function openHost(file = '') {
  const page = await phonePage(browser);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  page.dialogs = 0;
  page.on('dialog', (d) => { page.dialogs++; d.dismiss(); });
  await page.goto(`${host.url}/${file}`);
  page.violations = violations;
  return page;
}

test('three widgets and a hostile one on a foreign page under a strict CSP', async () => {
  assert.notEqual(new URL(site.url).origin, new URL(host.url).origin);
  const page = await openHost();
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 4);
  // Each iframe resized to its content: wait until every height came from its widget.
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height && f.style.height !== '160px'));
  await page.waitForTimeout(300);
  const fs_ = frames(page);
  assert.equal(fs_.length, 4);
  const byUrl = (s) => fs_.find((f) => f.url().includes(s));
  // Events in Spanish, Colombia only: the sample webinar (the Chilean forum is left out).
  const events = byUrl('/widget/es/events.html');
  const shownTitles = (f) => f.locator('.w-item:not([hidden]) > a').allInnerTexts();
  const evTitles = await shownTitles(events);
  assert.equal(evTitles.length, 1);
  assert.match(evTitles[0], /venderle al Estado/);
  assert.equal(await events.locator('h1').innerText(), 'Próximos eventos');
  // News in English, compact, dark, yellow accent with black text on it.
  const news = byUrl('/widget/en/news.html?theme=dark&accent=%23ffcc00&compact=1');
  assert.equal((await shownTitles(news)).length, 5);
  assert.equal(await news.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await news.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(15, 22, 32)');
  assert.equal(await news.evaluate(() => getComputedStyle(document.querySelector('.w')).borderTopColor), 'rgb(255, 204, 0)');
  assert.equal(await news.locator('.w-sum').first().isVisible(), false);
  // The chart: an SVG with labelled values.
  const chart = byUrl('/widget/es/chart/sample-tenders-by-year.html');
  assert.equal(await chart.locator('svg.chart-svg').count(), 1);
  assert.ok(await chart.locator('svg.chart-svg title').count() > 0);
  // The hostile widget: defaults, a discreet note naming what was ignored, nothing executed.
  const hostile = byUrl('accent=red');
  assert.equal((await shownTitles(hostile)).length, 5);
  assert.match(await hostile.locator('.w-note').innerText(), /omisión: n, accent$/);
  assert.equal(await hostile.evaluate(() => getComputedStyle(document.querySelector('.w')).borderTopColor), 'rgb(11, 58, 110)');
  assert.equal(page.dialogs, 0);
  // Each iframe's height is its content's, and nothing scrolls inside.
  for (const f of fs_) {
    const el = await f.frameElement();
    const outer = await el.evaluate((e) => e.getBoundingClientRect().height);
    const inner = await f.evaluate(() => ({ w: document.querySelector('.w').getBoundingClientRect().height, sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight }));
    assert.ok(Math.abs(outer - Math.ceil(inner.w)) <= 1, `${f.url()}: iframe ${outer} vs content ${inner.w}`);
    assert.ok(inner.sh <= inner.ch, `${f.url()}: scrolls inside (${inner.sh} > ${inner.ch})`);
  }
  // Links open the Observatory in a new tab, without access to this window.
  for (const f of fs_) {
    assert.equal(await f.evaluate(() => document.querySelector('base').target), '_blank');
    const rels = await f.locator('a').evaluateAll((as) => as.map((a) => a.rel));
    assert.ok(rels.length > 0 && rels.every((r) => r === 'noopener'), f.url());
  }
  const [popup] = await Promise.all([page.waitForEvent('popup'), events.locator('.w-item:not([hidden]) > a').first().click()]);
  assert.match(popup.url(), /\/es\/events\/sample-webinar-selling-to-government-2027$/);
  assert.equal(await popup.evaluate(() => window.opener), null);
  await popup.close();
  // The host page is untouched: its styles, its head, its globals; and no CSP violation.
  const style = await page.evaluate(() => {
    const cs = (s, p) => getComputedStyle(document.querySelector(s))[p];
    return [cs('body', 'fontFamily'), cs('body', 'color'), cs('body', 'backgroundColor'), cs('h1', 'color'), cs('h1', 'fontSize'), cs('#own', 'color'), cs('#para', 'fontSize')];
  });
  assert.deepEqual(style, ['Georgia, serif', 'rgb(40, 10, 10)', 'rgb(250, 250, 240)', 'rgb(120, 0, 0)', '30px', 'rgb(0, 90, 0)', '17px']);
  assert.deepEqual(await page.evaluate(() => [...document.head.children].map((e) => e.tagName)), ['META', 'META', 'META', 'TITLE', 'STYLE']);
  const control = await phonePage(browser);
  await control.goto(`${host.url}/control.html`);
  // Frames are indexed on window (window[0]…): the iframes themselves, not globals.
  const globals = (p) => p.evaluate(() => Object.keys(window).filter((k) => !/^[0-9]+$/.test(k)).sort());
  assert.deepEqual(await globals(page), await globals(control));
  assert.deepEqual(page.violations, []);
  for (const p of [page, control]) await p.context().close();
});

test('a widget for a country shows that country\'s items; an empty one offers the latest; heading and samples can be left out', async () => {
  const page = await phonePage(browser);
  const shown = () => page.locator('.w-item:not([hidden])');
  // Peru's news only, as the site's own filter shows them (not the Alliance's).
  await page.goto(`${site.url}/widget/es/news.html?country=PE`);
  assert.equal(await shown().count(), 2);
  assert.deepEqual(await shown().evaluateAll((li) => li.map((l) => l.dataset.country)), ['PE', 'PE']);
  assert.equal(await page.locator('.w-nearest').isVisible(), false);
  // Chile has no news: the latest of the Observatory instead, said so above them.
  await page.goto(`${site.url}/widget/es/news.html?country=CL`);
  assert.equal(await shown().count(), 5);
  const near = page.locator('.w-nearest');
  assert.equal(await near.isVisible(), true);
  assert.match(await near.innerText(), /estos son los más recientes/);
  assert.ok(await near.evaluate((n) => n.nextElementSibling?.classList.contains('w-list')), 'the note comes before the items');
  assert.equal(await page.locator('.w-empty').isVisible(), false);
  // Its own heading hidden for a host that has one.
  await page.goto(`${site.url}/widget/en/news.html?heading=0`);
  assert.equal(await page.locator('.w-title').isVisible(), false);
  assert.equal(await page.locator('.w-note').isVisible(), false);
  // Samples left out: the only upcoming events are samples, so the widget says there are none.
  await page.goto(`${site.url}/widget/es/events.html?samples=0`);
  assert.equal(await shown().count(), 0);
  assert.equal(await page.locator('.w-empty').isVisible(), true);
  await page.goto(`${site.url}/widget/es/events.html`);
  assert.ok(await shown().count() >= 1);
  await page.context().close();
});

test('a widget follows resizes of its content and of the host', async () => {
  const page = await openHost();
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height && f.style.height !== '160px'));
  const frame = frames(page).find((f) => f.url().includes('/widget/en/news.html'));
  const before = await (await frame.frameElement()).evaluate((e) => e.getBoundingClientRect().height);
  // A narrower host wraps the text: the iframe grows to match, with no inner scrollbar.
  await page.setViewportSize({ width: 320, height: 700 });
  await page.waitForFunction((h) => {
    const f = [...document.querySelectorAll('iframe')].find((x) => x.src.includes('/widget/en/news.html'));
    return f.getBoundingClientRect().height > h;
  }, before);
  await page.waitForTimeout(300);
  const inner = await frame.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.clientHeight]);
  assert.ok(inner[0] <= inner[1]);
  await page.context().close();
});

test('without JavaScript the placeholder keeps its link to the Observatory', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${host.url}/`);
  assert.equal(await page.locator('iframe').count(), 0);
  assert.equal(await page.locator('[data-observatorio="events"] a').getAttribute('href'), `${site.url}/es/events`);
  await context.close();
});

test('a widget opened directly: options in the address, a message only to the embedding page', async () => {
  const page = await phonePage(browser);
  await page.goto(`${site.url}/widget/es/events.html?country=XX&theme=dark&n=2`);
  assert.match(await page.locator('.w-note').innerText(), /country$/);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  // Two upcoming events, both shown (n=2), in date order.
  assert.deepEqual((await page.locator('.w-item:not([hidden]) .w-meta').allInnerTexts()).map((t) => t.split(' · ').pop()), ['Colombia', 'Chile']);
  await page.goto(`${site.url}/widget/es/search.html?theme=light`);
  await page.fill('input[name="q"]', 'compras publicas');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.press('input[name="q"]', 'Enter')]);
  await popup.waitForLoadState();
  assert.match(popup.url(), /\/es\/search\?q=compras\+publicas$/);
  await popup.waitForSelector('main h1');
  await page.context().close();
});

test('the Embed page: choose a widget and options, see it live, copy the snippet', async () => {
  const page = await openLoaded(browser, `${site.url}/es/embed`);
  assert.equal(await page.locator('main h1').innerText(), 'Insertar en su sitio');
  await page.selectOption('#embed-kind', 'events');
  await page.selectOption('#embed-country', 'CL');
  await page.fill('#embed-n', '2');
  await page.selectOption('#embed-theme', 'dark');
  const code = page.locator('#embed-snippet');
  await page.waitForFunction(() => /data-country="CL"/.test(document.querySelector('#embed-snippet').value));
  const snippet = await code.inputValue();
  // The placeholder's link (and so the iframe's title) names what the widget shows.
  assert.match(snippet, /^<div data-observatorio="events" data-lang="es" data-country="CL" data-n="2" data-theme="dark"><a href="http:\/\/127\.0\.0\.1:\d+\/es\/events">Próximos eventos — Chile \(Observatorio de Compras Públicas\)<\/a><\/div>\n<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
  // The live preview shows the widget with those options and is sized to it.
  // The preview reloads at each option change: wait for the one with every option above.
  await page.waitForFunction(() => { const s = document.querySelector('#embed-preview').src; return /country=CL/.test(s) && /n=2/.test(s) && /theme=dark/.test(s); });
  const preview = page.frameLocator('#embed-preview');
  await preview.locator('.w-item:not([hidden])').first().waitFor();
  let countries = [];
  for (let i = 0; i < 50; i++) {
    countries = await preview.locator('.w-item:not([hidden]) .w-meta').allInnerTexts().then((xs) => xs.map((t) => t.split(' · ').pop())).catch(() => []);
    if (countries.length) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(countries, ['Chile']);
  // Sized to the widget (two events: far less than the 520 px it starts with), no inner scrollbar.
  await page.waitForFunction(() => { const h = parseFloat(document.querySelector('#embed-preview').style.height); return h > 100 && h < 400; });
  const inner = await page.frame({ url: /widget\/es\/events\.html/ }).evaluate(() => [document.documentElement.scrollHeight, document.documentElement.clientHeight]);
  assert.ok(inner[0] <= inner[1]);
  // An invalid count is not offered to the host: the field says so and the snippet keeps the default.
  await page.fill('#embed-n', '100000');
  await page.waitForFunction(() => !/data-n=/.test(document.querySelector('#embed-snippet').value));
  // Copy.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copiar' }).first().click();
  await page.waitForSelector('text=Copiado');
  // A chart needs its dataset; the iframe form and the oEmbed link are there too.
  await page.selectOption('#embed-kind', 'chart');
  await page.waitForFunction(() => /data-dataset="/.test(document.querySelector('#embed-snippet').value));
  assert.match(await page.locator('#embed-iframe').inputValue(), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/widget\/es\/chart\/[a-z0-9-]+\.html\?theme=dark"/);
  assert.match(await page.locator('a[type="application/json+oembed"]').getAttribute('href'), /oembed\/es\/chart\/[a-z0-9-]+\.json$/);
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test("the members' procurement comparison is a chart widget: computed when publishing, with its basis, publishers and licences", async () => {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await page.goto(`${site.url}/widget/es/chart/ocds-comparison-shares.html`);
  assert.equal(await page.locator('h1').innerText(), 'Competencia, oferta única y plazos cortos, por miembro (%)');
  assert.match(await page.locator('.w-sub').innerText(), /^Cifras calculadas sobre 62 procesos de 2011, 2015–2016, 2018, 2024 y 2026\./);
  assert.equal(await page.locator('svg.chart-svg').count(), 1);
  // Each member with the processes it rests on.
  assert.match(await page.locator('.w-chart').innerText(), /Chile \(2 procesos\)[\s\S]*Perú \(21 procesos\)/);
  assert.match(await page.locator('.w-meta').innerText(), /ChileCompra[^;]*\(CC0 1\.0\);[\s\S]*OECE\) \(CC BY 4\.0/);
  assert.match(await page.locator('.w-more a').getAttribute('href'), /es\/indicators$/);
  // No sideways scroll on a phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  // Its oEmbed names it; the Embed page offers it first among the charts.
  const oembed = await (await fetch(`${site.url}/oembed/es/chart/ocds-comparison-shares.json`)).json();
  assert.equal(oembed.title, 'Competencia, oferta única y plazos cortos, por miembro (%)');
  const embed = await openLoaded(browser, `${site.url}/es/embed?widget=chart`);
  await embed.waitForFunction(() => /data-dataset="ocds-comparison-shares"/.test(document.querySelector('#embed-snippet')?.value || ''));
  assert.match(await embed.locator('#embed-preview').getAttribute('title'), /Competencia, oferta única/);
  for (const p of [page, embed]) await p.context().close();
});

test('the Embed page keeps its configuration in the URL, names the content and previews it in a mock host at phone and desktop widths', async () => {
  // Without a configuration, real items first: the news widget.
  const page = await openLoaded(browser, `${site.url}/es/embed`);
  assert.equal(await page.inputValue('#embed-kind'), 'news');
  await page.selectOption('#embed-country', 'PE');
  await page.locator('#embed-heading').uncheck();
  await page.locator('#embed-samples').uncheck();
  await page.waitForFunction(() => /country=PE/.test(location.search) && /heading=0/.test(location.search) && /samples=0/.test(location.search));
  const shared = page.url();
  assert.match(shared, /\/es\/embed\?widget=news&country=PE&heading=0&samples=0$/);
  // The snippet carries the options; the preview's title names what it shows.
  assert.match(await page.inputValue('#embed-snippet'), /data-country="PE" data-heading="0" data-samples="0"><a [^>]+>Últimas noticias — Perú \(Observatorio de Compras Públicas\)<\/a>/);
  assert.equal(await page.locator('#embed-preview').getAttribute('title'), 'Últimas noticias — Perú (Observatorio de Compras Públicas)');
  // A shared link opens the same configuration.
  const again = await openLoaded(browser, shared);
  assert.equal(await again.inputValue('#embed-country'), 'PE');
  assert.equal(await again.locator('#embed-heading').isChecked(), false);
  assert.equal(await again.locator('#embed-samples').isChecked(), false);
  await again.waitForFunction(() => /country=PE/.test(document.querySelector('#embed-preview').src));
  // The mock host page: a phone's width, or the desktop's.
  const host = again.locator('.mock-host');
  const phoneWidth = (await host.boundingBox()).width;
  assert.ok(phoneWidth > 300 && phoneWidth <= 360, `mock host ${phoneWidth}px`);
  await again.getByRole('button', { name: 'Escritorio' }).click();
  assert.equal(await again.getByRole('button', { name: 'Escritorio' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await host.evaluate((h) => h.classList.contains('phone')), false);
  assert.deepEqual(realErrors(page), []);
  for (const p of [page, again]) await p.context().close();
});
