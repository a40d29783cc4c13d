// End to end, in Debian's headless Chromium at 390×844, against the release build served like a
// static host: every route in both languages, links, filters, deep links, the sub-path build,
// failure of one content file, phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, phonePage, realErrors, renderedAnotherDay, follow, chooseFilter } from './browser.mjs';
import { serve } from './server.mjs';

let browser, site, sub;
before(async () => {
  browser = await launch();
  site = await serve('dist', '/');
  sub = await serve('dist-sub', '/observatorio/');
});
after(async () => {
  await browser?.close();
  site?.stop();
  sub?.stop();
});


async function open(path, opts = {}) {
  const page = await phonePage(browser, opts);
  await page.goto((opts.root ?? site.url) + path);
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('.skeleton'));
  return page;
}

const h1 = (page) => page.locator('main h1').first().innerText();

// Every route, with the heading and a piece of real content a reader must see, in both languages.
const ROUTES = [
  ['/', 'Observatorio de Compras Públicas de la Alianza del Pacífico', 'Pacific Alliance Public Procurement Observatory', 'a[href$="/news/observatory-launch"]'],
  ['/topics', 'Áreas temáticas', 'Thematic areas', 'a[href$="/topics/sustainable-procurement"]'],
  ['/topics/sustainable-procurement', 'Compras públicas sostenibles', 'Sustainable public procurement', 'a[href$="/documents/environment-declaration-2019"]'],
  ['/news', 'Noticias', 'News', 'a[href$="/news/digital-security-workshop"]'],
  ['/news/observatory-launch', 'Se lanza oficialmente el Observatorio', 'The Pacific Alliance Public Procurement Observatory is officially launched', 'a[href="https://alianzapacifico.net/observatorio-compras-publicas-ap/"]'],
  ['/documents', 'Documentos', 'Documents', 'a[href$="/documents/infrastructure-investment-portfolio-2022"]'],
  ['/documents/lima-declaration-2019', 'Declaración de Lima', 'Lima Declaration', '.cite-text'],
  ['/events', 'Eventos', 'Events', 'a[href$="/events/xiv-summit-lima-2019"]'],
  ['/events/digital-security-workshop-2023', 'Taller sobre Seguridad Digital', 'Workshop on Business Digital Security', 'a[href="https://youtu.be/nOUV_LTX_9E"]'],
  ['/data', 'Datos', 'Data', '#chart-cyber-readiness-latam'],
  ['/data/promotion-activities-2022', 'Actividades de promoción conjunta 2022', 'Joint promotion activities 2022', 'figure.chart .chart-svg'],
  ['/about', 'Acerca de', 'About', 'a[href="https://alianzapacifico.net/observatorio-compras-publicas-ap/"]'],
  ['/indicators', 'Indicadores de contratación abierta', 'Open contracting indicators', '#single-bid .figure'],
  ['/indicators/mexico', 'Indicadores de contratación abierta — México', 'Open contracting indicators — Mexico', '#data-quality [data-source="mexico-jalisco-2017"]'],
  ['/about/licence', 'Licencia y atribución', 'Licence and attribution', '.sources li'],
  ['/about/privacy', 'Privacidad', 'Privacy', 'main time[datetime="2026-12-02"]'],
  ['/about/contact', 'Contacto', 'Contact', 'a[href="https://www.mercadopublico.cl/"]'],
  ['/about/accessibility', 'Declaración de accesibilidad', 'Accessibility statement', 'main time[datetime="2026-12-02"]'],
  ['/about/methodology', 'Metodología', 'Methodology', 'a[href$="/indicators?methodology=single-bid"]'],
];

// Words of the interface that only one language uses: on a page in the other language they can
// only come from a string left untranslated (content written in one language shows as such,
// marked with its own `lang`, and is skipped).
const ONLY = {
  es: /\b(the|and|of|with|results?|events?|documents?|search|filters?|sources?|download|more|processes|year|country|page|read|see|show|all|from|for|this|which|where|about|data|upcoming|past|share|embed)\b/i,
  en: /\b(los|las|del|con|resultados?|eventos?|documentos?|buscar|filtr[a-z]*|fuentes?|descargar|más|procesos|año|país|página|leer|ver|mostrar|todos|desde|para|este|esta|cuál|dónde|acerca|datos|próximos|pasados|compartir|insertar)\b/i,
};

test('every route shows its real content in Spanish and English, at phone size', async () => {
  for (const [route, es, en, selector] of ROUTES) {
    for (const [lang, heading] of [['es', es], ['en', en]]) {
      const page = await open(`/${lang}${route === '/' ? '/' : route}`);
      assert.ok((await h1(page)).startsWith(heading), `${lang}${route}: h1 "${await h1(page)}"`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${lang}${route}: html lang`);
      assert.ok(await page.locator(selector).first().isVisible(), `${lang}${route}: ${selector}`);
      const title = await page.title();
      assert.ok(title.length > 10 && title !== 'undefined', `${lang}${route}: title ${title}`);
      if (route !== '/') assert.ok(title.startsWith(heading.slice(0, 10)), `${lang}${route}: title "${title}" names the page`);
      assert.deepEqual(realErrors(page), [], `${lang}${route}: console errors`);
      await page.context().close();
    }
  }
});

test('every text is in the reader\'s language: each route in both languages, the other language\'s words nowhere', async () => {
  const found = [];
  const extra = ['/events?view=month&month=2027-03', '/news?country=PE&year=1999', '/search?q=licitaci%C3%B3n', '/embed', '/events/sample-webinar-selling-to-government-2027'];
  for (const route of [...ROUTES.map((r) => r[0]), ...extra]) {
    for (const lang of ['es', 'en']) {
      const other = lang === 'es' ? 'en' : 'es';
      const page = await open(`/${lang}${route === '/' ? '/' : route}`);
      // The interface's own text: content written in another language (marked with its `lang`,
      // as the data's names are), code, e-mail addresses and search snippets (quotes of the
      // indexed text) are left out.
      const words = await page.evaluate((lang) => {
        const skip = (el) => el.closest(`[lang]:not([lang="${lang}"]), code, pre, .sources strong, .process-list, .cite-text, .snippet, a[href^="mailto:"], [translate="no"], .lang-switch, script, style, noscript`);
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const out = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || skip(el) || !el.checkVisibility?.()) continue;
          out.push(n.textContent);
        }
        for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
          if (skip(el)) continue;
          for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
        }
        return out;
      }, lang);
      for (const w of words.filter((w) => ONLY[lang].test(w))) found.push(`/${lang}${route}: ${other} word "${w.match(ONLY[lang])[0]}" in "${w.trim().slice(0, 120)}"`);
      await page.context().close();
    }
  }
  assert.deepEqual(found, []);
});

test('no horizontal scroll at 320 px and touch targets of at least 44 px', async () => {
  for (const [route] of ROUTES) {
    const page = await open(`/es${route === '/' ? '/' : route}`, { viewport: { width: 320, height: 640 } });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `/es${route}: page is ${width}px wide`);
    const small = await page.evaluate(() => [...document.querySelectorAll('header a, header button, select, .button, .topic-tag, .section-head a, .result-count a, .links a, summary, .key-figure')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect().height])
      .filter(([, h]) => h < 44));
    assert.deepEqual(small, [], `/es${route}: targets under 44px`);
    await page.context().close();
  }
});

test('no table or chart is cut at 320 and 360 px or at 200 % zoom (640 px): wide data tables read as cards', async () => {
  const routes = ['/events?view=month&month=2027-03', '/events/sample-webinar-selling-to-government-2027', '/data/promotion-activities-2022', '/data/sample-tenders-by-year', '/indicators', '/indicators/peru', '/indicators?list=all', '/about/licence'];
  const cut = [];
  for (const width of [320, 360, 640]) {
    for (const route of routes) {
      const page = await open(`/es${route}`, { viewport: { width, height: 700 } });
      await page.waitForTimeout(200);
      cut.push(...(await page.evaluate((width) => {
        const out = [];
        if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth}px`);
        for (const t of document.querySelectorAll('main table, main svg.chart-svg')) {
          const r = t.getBoundingClientRect();
          const box = t.parentElement;
          const scrolls = /auto|scroll/.test(getComputedStyle(box).overflowX);
          if (r.right > innerWidth + 1 || (scrolls && t.scrollWidth > box.clientWidth + 1)) out.push(`${t.tagName.toLowerCase()}.${[...t.classList].join('.')} ${Math.round(r.width)}px in ${box.clientWidth}px`);
        }
        return out.map((o) => `${width}px ${location.pathname}${location.search}: ${o}`);
      }, width)));
      await page.context().close();
    }
  }
  assert.deepEqual(cut, []);
  // A card keeps each value with its column's name.
  const page = await open('/es/indicators', { viewport: { width: 360, height: 700 } });
  const cell = page.locator('table.data-table.comparison tbody td').first();
  assert.equal(await cell.getAttribute('data-label'), 'Procesos');
  assert.equal(await cell.evaluate((td) => getComputedStyle(td, '::before').content), '"Procesos"');
  await page.context().close();
});

test('the root goes to Spanish, and the language switch keeps the page and its filters', async () => {
  const page = await open('/');
  assert.match(page.url(), /\/es\/$/);
  await page.goto(site.url + '/es/news?country=PE');
  await page.waitForSelector('.card');
  await page.click('.lang-switch');
  await page.waitForURL(/\/en\/news\?country=PE$/);
  assert.equal(await h1(page), 'News');
  assert.equal(await page.locator('.card').count(), 2);
  await page.context().close();
});

test('links lead to the article, and a news filter narrows the list and lives in the URL', async () => {
  const page = await open('/es/');
  const first = page.locator('.home .card h3 a').first();
  const title = await first.innerText();
  await first.click();
  await page.waitForURL(/\/es\/news\/observatory-launch$/);
  assert.equal(await h1(page), title);

  await page.goto(site.url + '/es/news');
  await page.waitForSelector('.card');
  const all = await page.locator('.card').count();
  assert.ok(all >= 10, `${all} news items`);
  await chooseFilter(page, '#filter-country', 'PE');
  await page.waitForURL(/country=PE/);
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  const countries = await page.locator('.card .tag.country').allInnerTexts();
  assert.deepEqual(countries, ['Perú', 'Perú']);
  assert.match(await page.locator('.result-count').innerText(), /^2 resultados/);
  await chooseFilter(page, '#filter-year', '2019');
  await page.waitForURL(/country=PE&year=2019/);
  await page.goBack();
  await page.waitForURL(/news\?country=PE$/);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, all);

  // Documents by author.
  await page.goto(site.url + '/en/documents?author=committee');
  await page.waitForSelector('.card');
  assert.equal(await page.locator('.card').count(), 1);
  // A count of one reads in the singular.
  assert.match(await page.locator('.result-count').innerText(), /^1 result(?!s)/);
  assert.match(await page.locator('.card h2').innerText(), /^Sample: A guide/);
  assert.ok(await page.locator('.card .badge.sample').isVisible(), 'sample content is marked');
  await page.context().close();
});

test('lists on a phone: results first, filters behind one control, active ones as chips, counts per option, a way out of nothing', async () => {
  const page = await phonePage(browser, { viewport: { width: 360, height: 740 } });
  await page.goto(site.url + '/es/news?country=PE');
  await page.waitForSelector('.card');
  // The selects stay folded; the first result shows on the first screen.
  const box = page.locator('details.filters');
  assert.equal(await box.getAttribute('open'), null);
  assert.equal(await page.locator('#filter-country').isVisible(), false);
  assert.equal(await box.locator('summary').innerText(), 'Filtrar (1)');
  const first = await page.locator('main .card').first().boundingBox();
  assert.ok(first.y + 60 < 740, `the first result starts at ${first.y}px`);
  // The active filter is a chip that removes it.
  const chip = page.locator('.chips a.chip');
  assert.equal(await chip.count(), 1);
  assert.equal(await chip.getAttribute('aria-label'), 'Quitar el filtro: País: Perú');
  // Each option says how many items it would show with the other filters kept.
  await box.locator('summary').click();
  assert.equal(await page.locator('#filter-country').isVisible(), true);
  const countries = await page.locator('#filter-country option').allInnerTexts();
  assert.ok(countries.includes('Perú (2)'), countries.join(' | '));
  const years = await page.locator('#filter-year option').allInnerTexts();
  const empty = years.find((y) => / \(0\)$/.test(y));
  assert.ok(empty, years.join(' | '));
  // The control stays open while the reader changes filters.
  await page.selectOption('#filter-year', empty.slice(0, 4));
  await page.waitForURL(new RegExp(`year=${empty.slice(0, 4)}`));
  await page.waitForFunction(() => document.querySelector('.result-count')?.innerText === 'Ningún resultado con estos filtros');
  assert.notEqual(await box.getAttribute('open'), null);
  // Nothing left: the page says so and offers to remove each filter.
  const widen = page.locator('.widen');
  assert.match(await widen.innerText(), /quite uno de los filtros/);
  assert.deepEqual(await widen.locator('a.chip').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label'))), ['Quitar el filtro: País: Perú', `Quitar el filtro: Año: ${empty.slice(0, 4)}`]);
  await widen.locator('a.chip').nth(1).click();
  await page.waitForURL(/\/es\/news\?country=PE$/);
  await page.waitForFunction(() => document.querySelectorAll('main .card').length === 2);
  // Back brings the empty filter back, Forward the two items, reloads keep them.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.result-count')?.innerText === 'Ningún resultado con estos filtros');
  await page.goForward();
  await page.waitForFunction(() => document.querySelectorAll('main .card').length === 2);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('main .card').length === 2);
  assert.equal(await page.locator('.result-count').innerText(), '2 resultados');
  await page.context().close();
});

test('past events lead to their recordings; tables read in the reader\'s number format', async () => {
  let page = await open('/en/events');
  const card = page.locator('.event-card', { hasText: 'Workshop on Business Digital Security' });
  assert.deepEqual(await card.locator('.links a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])), [
    ['https://youtu.be/KUuGmLnQ-ew', '_blank', 'noopener noreferrer'],
    ['https://youtu.be/nOUV_LTX_9E', '_blank', 'noopener noreferrer'],
  ]);
  // Upcoming (sample) events come first, soonest first; then past ones, latest first — whole-day
  // and timed events interleaved by date.
  const titles = await page.locator('.event-card h3').allInnerTexts();
  assert.deepEqual(titles.map((t) => t.slice(0, 24)), [
    'Sample: Webinar "How to ', 'Sample: Sustainable publ', 'Official launch of the P', 'Workshop on Business Dig',
    '17th Pacific Alliance Su', 'Online seminar "Skills f', 'Launch of the Regional L', '14th Pacific Alliance Su',
  ]);
  await page.context().close();
  page = await open('/es/data/promotion-results-2022');
  await page.click('text=Ver como tabla');
  const cells = await page.locator('tbody td.num').allInnerTexts();
  assert.deepEqual(cells, ['2.710.734', '7.400.598', 'más de 5.790.000', '7.840.000.000']);
  await page.context().close();
  page = await open('/en/data/infrastructure-portfolio-subsectors');
  await page.click('text=Show as a table');
  assert.deepEqual(await page.locator('tbody td.num').allInnerTexts(), ['–', '–', '–', '–', '–', '15']);
  await page.context().close();
});

test('a deep link survives a reload (static-host 404 fallback)', async () => {
  const page = await open('/en/events/digital-teaching-seminar-2022');
  await page.reload();
  await page.waitForSelector('main h1');
  assert.match(await h1(page), /^Online seminar/);
  assert.match(await page.locator('.facts').innerText(), /November 24, 2022, 12:00 \(Mexico City time\)/);
  await page.context().close();
});

test('unknown URLs, unknown ids and absurd queries get a clear answer', async () => {
  let page = await open('/es/no-such-page');
  assert.equal(await h1(page), 'Página no encontrada');
  await page.context().close();
  page = await open('/en/news/no-such-item');
  assert.equal(await h1(page), 'Page not found');
  assert.match(await page.locator('main').innerText(), /no-such-item/);
  await page.context().close();
  page = await open('/fr/news');
  assert.equal(await h1(page), 'Página no encontrada');
  await page.context().close();
  const junk = encodeURIComponent('<script>alert(1)</script>'.repeat(50));
  page = await open(`/es/news?country=${junk}&year=99999&topic=%F0%9F%98%80`);
  assert.match(await page.locator('.notice').innerText(), /country, year, topic/);
  assert.ok(await page.locator('.card').count() >= 10, 'the list still shows everything');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('a broken or unreachable file breaks only its own section, and retry recovers', async () => {
  const page = await phonePage(browser);
  let broken = true;
  await page.route('**/news.json*', (route) => broken
    ? route.fulfill({ status: 200, contentType: 'application/json', body: '{ "format": 1, "news": [ {' })
    : route.continue());
  await page.route('**/datasets.json*', (route) => route.abort('internetdisconnected'));
  // The app draws the home page itself (landing on it, its published first view would stay:
  // tests/e2e/failure.test.mjs).
  await page.goto(site.url + '/es/about');
  await follow(page, '/es/');
  await page.waitForSelector('.load-error');
  await page.waitForFunction(() => document.querySelectorAll('.load-error').length === 2);
  const errors = await page.locator('.load-error-message').allInnerTexts();
  assert.deepEqual(errors.sort(), [
    'El contenido de esta sección tiene un error y no se puede mostrar.',
    'No se pudo conectar para cargar esta sección. Compruebe su conexión e inténtelo de nuevo.',
  ]);
  assert.match(await page.locator('.load-error code').first().textContent(), /news\.json: \$: el archivo no es JSON válido \(línea 1/);
  // The rest of the page works.
  // (the bundled upcoming events are samples, which the home leaves out: the two latest real ones)
  assert.equal(await page.locator('.event-card').count(), 2, 'events still show');
  assert.ok(await page.locator('.topic-card').count() >= 5, 'topics still show');
  assert.deepEqual(realErrors(page).filter((e) => !/INTERNET_DISCONNECTED/.test(e)), [], 'no panic');
  broken = false;
  await page.locator('.load-error', { hasText: 'tiene un error' }).locator('button').click();
  await page.waitForSelector('a[href$="/news/observatory-launch"]');
  assert.equal(await page.locator('.load-error').count(), 1);
  await page.context().close();
});

test('the home page keeps its first view and reads no file; rendered for another day, it reads its digest, and the full file when the digest is missing', async () => {
  let page = await phonePage(browser);
  const fetched = [];
  page.on('request', (r) => { if (/\.(json|wasm)$/.test(r.url())) fetched.push(new URL(r.url()).pathname.replace(/-[0-9a-f]{16}/, '')); });
  await page.goto(site.url + '/es/');
  await page.waitForSelector('a[href$="/news/observatory-launch"]');
  // Live with the main module alone: no content file, no chunk.
  assert.deepEqual(fetched, ['/app/observatorio_bg.wasm']);
  assert.equal(await page.locator('main .kept-first-view .home').count(), 1);
  await page.context().close();
  page = await phonePage(browser);
  fetched.length = 0;
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.json')) fetched.push(new URL(r.url()).pathname); });
  await renderedAnotherDay(page, '/es/');
  await page.goto(site.url + '/es/');
  await page.waitForSelector('a[href$="/news/observatory-launch"]');
  assert.deepEqual([...new Set(fetched)].sort(), ['/content/home/datasets.json', '/content/home/events.json', '/content/home/news.json', '/content/home/site.json', '/content/home/topics.json']);
  assert.equal(await page.locator('main .kept-first-view').count(), 0);
  await page.context().close();
  page = await phonePage(browser);
  await renderedAnotherDay(page, '/es/');
  await page.route('**/content/home/news.json*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(site.url + '/es/');
  await page.waitForSelector('a[href$="/news/observatory-launch"]');
  assert.equal(await page.locator('.load-error').count(), 0);
  await page.context().close();
});

test("the home's doors: the national portals come from the site's file, in its order, in the first view and when the app draws the home", async () => {
  const portals = (page) => page.locator('main .door-links a[target="_blank"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent.replace(/\s+/g, ' ').trim()]));
  let page = await phonePage(browser);
  await page.goto(site.url + '/es/');
  await page.waitForSelector('#app[data-live]');
  const bundled = [
    ['https://www.mercadopublico.cl/', 'Mercado Público (Chile) (sitio externo, se abre en otra pestaña)'],
    ['https://www.colombiacompra.gov.co/', 'SECOP (Colombia) (sitio externo, se abre en otra pestaña)'],
    ['https://comprasmx.buengobierno.gob.mx/', 'ComprasMX (México) (sitio externo, se abre en otra pestaña)'],
    ['https://www.gob.pe/oece', 'SEACE (Perú) (sitio externo, se abre en otra pestaña)'],
  ];
  assert.deepEqual(await portals(page), bundled);
  await page.context().close();
  // An editor's change to site.json is what the home shows (here the app draws the home from the
  // digest, as it does on a day after the build).
  page = await phonePage(browser);
  await renderedAnotherDay(page, '/en/');
  await page.route('**/content/home/site.json*', async (route) => {
    const res = await route.fetch();
    const json = await res.json();
    json.site.portals = [{ country: 'PE', name: 'SEACE', url: 'https://www.gob.pe/oece' }, json.site.portals[0]];
    await route.fulfill({ response: res, body: JSON.stringify(json) });
  });
  await page.goto(site.url + '/en/');
  await page.waitForFunction(() => document.querySelectorAll('main .door-links a[target="_blank"]').length === 2);
  assert.equal(await page.locator('main .kept-first-view').count(), 0);
  assert.deepEqual(await portals(page), [
    ['https://www.gob.pe/oece', 'SEACE (Peru) (external site, opens in a new tab)'],
    ['https://www.mercadopublico.cl/', 'Mercado Público (Chile) (external site, opens in a new tab)'],
  ]);
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('an item page reads its own file, not the archive; the full file when it is missing', async () => {
  let page = await phonePage(browser);
  const fetched = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.json')) fetched.push(new URL(r.url()).pathname); });
  await page.goto(site.url + '/es/news/observatory-launch');
  await page.waitForSelector('article h1');
  assert.match(await page.locator('article h1').innerText(), /Observatorio/);
  // A news item keeps its first view: it reads no file at all.
  assert.deepEqual(fetched, []);
  // Moving in the app to another news item fetches that item's own file.
  await page.locator('main a', { hasText: 'Volver a noticias' }).click();
  await page.locator('main a[href$="/news/digital-security-workshop"]').click();
  await page.waitForSelector('article h1');
  assert.ok(fetched.includes('/content/items/news/digital-security-workshop.json'), fetched.join(' '));
  for (const archive of ['/content/news.json', '/content/documents.json', '/content/events.json']) assert.ok(!fetched.includes(archive), fetched.join(' '));
  // A page drawn by the app fetches its item's file.
  fetched.length = 0;
  await page.goto(site.url + '/en/documents/lima-declaration-2019');
  await page.waitForSelector('article h1');
  assert.ok(fetched.includes('/content/items/documents/lima-declaration-2019.json') && !fetched.includes('/content/documents.json'), fetched.join(' '));
  await page.context().close();
  // Without item files (an older build), the full file: the item still shows.
  page = await phonePage(browser);
  await page.route('**/content/items/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(site.url + '/es/events/observatory-launch-2023');
  await page.waitForSelector('article h1');
  assert.match(await page.locator('article h1').innerText(), /Lanzamiento oficial/);
  assert.equal(await page.locator('.load-error').count(), 0);
  await page.context().close();
});

test('a bad item is left out and reported while the others show', async () => {
  const page = await phonePage(browser);
  // Without the list's index (an older build), the list reads the full file, and reports.
  await page.route('**/content/lists/news.json*', (route) => route.fulfill({ status: 404, body: '' }));
  let full = 0;
  await page.route('**/content/news.json*', (route) => (full += 1) && route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify({
      format: 1, news: [
        { id: 'ok', date: '2024-01-02', country: 'CL', title: { es: 'Una noticia válida', en: 'A valid item' }, summary: { es: 's', en: 's' }, body: { es: ['p'], en: ['p'] } },
        { id: 'bad', date: '2024-02-30', country: 'CL', title: { es: 'Fecha imposible' }, summary: { es: 's' }, body: { es: ['p'] } },
        { id: 'xss', date: '2024-01-01', country: 'CL', title: { es: '<img src=x onerror=alert(1)>', en: 'x' }, summary: { es: 's', en: 's' }, body: { es: ['<script>alert(1)</script>'], en: ['p'] } },
      ],
    }),
  }));
  await page.goto(site.url + '/es/news');
  await page.waitForSelector('.card');
  assert.equal(await page.locator('.card').count(), 2);
  assert.match(await page.locator('.skipped-notice summary').innerText(), /no mostrados por errores en el contenido: 1/);
  assert.equal(full, 1, 'the full file is downloaded once');
  // Markup in content is shown as text, never interpreted.
  assert.ok(await page.getByText('<img src=x onerror=alert(1)>').isVisible());
  assert.equal(await page.locator('main img').count(), 0);
  await page.goto(site.url + '/es/news/xss');
  await page.waitForSelector('main h1');
  assert.ok(await page.getByText('<script>alert(1)</script>').isVisible());
  await page.context().close();
});

test('the sub-path build works under /observatorio/', async () => {
  const page = await open('/es/', { root: sub.url });
  const href = await page.locator('nav a', { hasText: 'Documentos' }).getAttribute('href');
  assert.equal(href, '/observatorio/es/documents');
  await page.goto(sub.url + '/es/documents?type=declaration');
  await page.waitForSelector('.card');
  await page.locator('.card h2 a', { hasText: 'Declaración de Lima' }).click();
  await page.waitForURL(/\/observatorio\/es\/documents\/lima-declaration-2019$/);
  await page.reload();
  await page.waitForSelector('.cite-text');
  assert.match(await page.locator('.cite-text').innerText(), /http:\/\/127\.0\.0\.1:\d+\/observatorio\/es\/documents\/lima-declaration-2019$/);
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('dark mode follows the system', async () => {
  const light = await open('/es/');
  const dark = await open('/es/', { colorScheme: 'dark' });
  const bg = (p) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(light), 'rgb(255, 255, 255)');
  assert.equal(await bg(dark), 'rgb(15, 22, 32)');
  await light.context().close();
  await dark.context().close();
});

test('the phone menu opens and closes, and the citation can be copied', async () => {
  const page = await open('/es/documents/lima-declaration-2019');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  assert.equal(await page.locator('#site-nav').isVisible(), false);
  await page.click('.menu-button');
  assert.equal(await page.getAttribute('.menu-button', 'aria-expanded'), 'true');
  assert.ok(await page.locator('#site-nav').isVisible());
  await page.locator('#site-nav a', { hasText: 'Eventos' }).click();
  await page.waitForURL(/\/es\/events$/);
  assert.equal(await page.locator('#site-nav').isVisible(), false);
  await page.goBack();
  await page.waitForSelector('.cite-text');
  await page.click('.citation button');
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent.length > 0);
  assert.equal(await page.locator('.copy-status').innerText(), 'Cita copiada');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Gobiernos de Chile, Colombia, México y Perú \(julio de 2019\)\. Declaración de Lima\./);
  await page.context().close();
});

test('the news page links its feeds, following the country filter', async () => {
  const page = await open('/es/news?country=PE');
  const hrefs = await page.locator('.feeds a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['/feeds/es/news-pe.rss.xml', '/feeds/es/news-pe.atom.xml']);
  const res = await page.request.get(site.url + hrefs[0]);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), /<rss version="2.0"/);
  const all = await open('/en/news');
  assert.deepEqual(await all.locator('.feeds a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['/feeds/en/news.rss.xml', '/feeds/en/news.atom.xml']);
  for (const p of [page, all]) await p.context().close();
});

test('a long list shows 20 items at a time, with "show more", fetching only the pages it shows', async () => {
  const page = await phonePage(browser);
  // A list of 45 items (newest first), published as an index and page files of 25.
  const news = Array.from({ length: 45 }, (_, i) => ({
    id: `n-${i}`, sample: true, date: `2024-01-${String(28 - Math.floor(i / 2)).padStart(2, '0')}`, country: i % 2 ? 'CL' : 'PE',
    title: { es: `Ejemplo ${i}`, en: `Sample ${i}` }, summary: { es: 's', en: 's' }, body: { es: ['b'], en: ['b'] },
  }));
  const rows = news.map((n, i) => [2024, n.country, []]);
  const fetched = [];
  await page.route('**/content/lists/news.json*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ format: 1, topics: [], rows }) }));
  await page.route(/content\/lists\/news\/\d+\.json(\?.*)?$/, (route) => {
    const n = Number(new URL(route.request().url()).pathname.match(/(\d+)\.json$/)[1]);
    fetched.push(n);
    // The second page file is missing the first time it is asked for.
    if (n === 1 && fetched.filter((x) => x === 1).length === 1) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ format: 1, news: news.slice(n * 25, n * 25 + 25) }) });
  });
  await page.route('**/content/news.json*', (route) => { fetched.push('full'); return route.continue(); });
  await page.goto(site.url + '/es/news');
  await page.waitForFunction(() => document.querySelectorAll('main .cards > .card:not(.skeleton)').length === 20);
  assert.equal(await page.locator('main .result-count').innerText(), '45 resultados');
  assert.equal(await page.locator('main .cards > .card h2').first().innerText(), 'Ejemplo 0');
  assert.deepEqual(fetched, [0]);
  const more = page.getByRole('button', { name: /Mostrar más/ });
  await more.click();
  // A missing page file: said once, at its first item, with a retry (never other items, nor
  // the full file).
  await page.waitForFunction(() => !document.querySelector('main .cards > .card.skeleton') && document.querySelector('main .cards > .load-error'));
  assert.equal(await page.locator('main .cards > .load-error').count(), 1);
  assert.equal(await page.locator('main .cards > .card:not(.skeleton)').count(), 25);
  assert.deepEqual(fetched, [0, 1]);
  await page.locator('main .cards > .load-error button').first().click();
  await page.waitForFunction(() => document.querySelectorAll('main .cards > .card:not(.skeleton)').length === 40);
  assert.equal(await page.locator('main .cards > .card h2').nth(39).innerText(), 'Ejemplo 39');
  assert.deepEqual(fetched, [0, 1, 1]);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('main .cards > *').length === 45);
  assert.equal(await more.count(), 0);
  // A filter reads the index's columns: Chile's items are the odd ones, from both pages.
  await chooseFilter(page, '#filter-country', 'CL');
  await page.waitForFunction(() => document.querySelector('main .result-count').innerText.startsWith('22 resultados'));
  await page.waitForFunction(() => document.querySelectorAll('main .cards > .card:not(.skeleton)').length === 20);
  assert.equal(await page.locator('main .cards > .card h2').nth(19).innerText(), 'Ejemplo 39');
  assert.deepEqual(fetched, [0, 1, 1], 'no page fetched again but for its retry, never the full file');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('a shared link answers 200 with its own preview tags and first view, even before the app runs', async () => {
  const page = await phonePage(browser, { live: false });
  // Without the wasm: what a link-preview robot or a very slow phone sees.
  await page.route('**/*.wasm', (route) => route.abort());
  const res = await page.goto(site.url + '/es/news/observatory-launch');
  assert.equal(res.status(), 200);
  assert.equal(await page.locator('main h1').innerText(), 'Se lanza oficialmente el Observatorio de Compras Públicas de la Alianza del Pacífico');
  assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), 'Se lanza oficialmente el Observatorio de Compras Públicas de la Alianza del Pacífico');
  assert.match(await page.title(), /^Se lanza oficialmente/);
  // The whole first view, rendered at build time by the app's components: the article's body
  // and topic links, the header with its search box, the footer.
  assert.equal(await page.locator('#app[data-ssr] main article.article .meta time').getAttribute('datetime'), '2023-12-04');
  assert.ok((await page.locator('main article.article p').count()) >= 4);
  assert.ok(await page.locator('main .tags a[href="/es/topics/procurement-systems"]').count() === 1);
  assert.equal(await page.locator('#site-search').count(), 1);
  assert.equal(await page.locator('footer.site-footer').count(), 1);
  assert.equal(await page.locator('.skeleton').count(), 0);
  const home = await page.goto(site.url + '/es/');
  assert.equal(home.status(), 200);
  assert.equal(await page.locator('main section[aria-labelledby="news-title"] .cards article').count(), 3);
  assert.ok((await page.locator('main .figures .key-figure').count()) >= 1);
  const list = await page.goto(site.url + '/es/news');
  assert.equal(list.status(), 200);
  assert.equal(await page.locator('main .result-count').innerText(), '10 resultados');
  const en = await page.goto(site.url + '/en/events/digital-teaching-seminar-2022');
  assert.equal(en.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('meta[property="og:description"]').getAttribute('content'), /Mariana Maggio/);
  await page.context().close();
});

/** Holds every wasm file back until `release()`, watches every frame for the heading, skeletons
 *  on screen, layout shifts and ids twice in the document, and marks the static heading. */
async function watchTakeover(page, path) {
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
  await page.goto(site.url + path);
  const h1 = page.locator('main h1');
  const before = await h1.boundingBox();
  await page.evaluate(() => {
    window.__frames = { total: 0, bare: 0, twice: 0 };
    const tick = () => {
      const h = document.querySelector('main h1');
      window.__frames.total++;
      const loading = [...document.querySelectorAll('.skeleton')].some((e) => e.getClientRects().length);
      if (!h || !h.getClientRects().length || loading) window.__frames.bare++;
      // The app is drawn apart from the document: no id is ever in it twice.
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      if (new Set(ids).size !== ids.length) window.__frames.twice++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__shift = 0;
    // As CLS counts them: shifts right after the reader's own input (the suggestions list
    // opening for the typed text) are not.
    window.__shifted = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => {
      if (e.hadRecentInput) return;
      window.__shift += e.value;
      // What moved, for the failure's message.
      for (const s of e.sources || []) {
        const n = s.node;
        const name = n ? `${n.nodeName}${n.id ? '#' + n.id : ''}${n.className && typeof n.className === 'string' ? '.' + n.className.split(' ').join('.') : ''}` : '?';
        window.__shifted.push(`${name} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)} at ${Math.round(e.startTime)} ms`);
      }
    })).observe({ type: 'layout-shift', buffered: true });
    document.querySelector('main h1').dataset.static = 'yes';
  });
  return { h1, before, release };
}

async function checkTakeover(page, { h1, before }, heading) {
  await page.waitForSelector('#app[data-live]', { state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#app').count(), 1);
  assert.match(await h1.innerText(), heading);
  assert.deepEqual(await h1.boundingBox(), before);
  const frames = await page.evaluate(() => ({ ...window.__frames, shift: window.__shift, shifted: window.__shifted }));
  assert.ok(frames.total > 5, `frames watched: ${frames.total}`);
  assert.equal(frames.bare, 0, 'a frame without the content');
  assert.equal(frames.twice, 0, 'a frame with an id twice');
  assert.equal(frames.shift, 0, `layout shift: ${frames.shifted.join('; ')}`);
}

test('the app takes over a pre-rendered page without a flash, a layout shift, an id twice or losing typed text', async () => {
  // A news item only shows content: the app keeps its static first view, the very same nodes.
  let page = await phonePage(browser, { live: false });
  let watch = await watchTakeover(page, '/es/news/observatory-launch');
  await page.locator('#site-search').fill('sosten');
  watch.release();
  await checkTakeover(page, watch, /^Se lanza oficialmente/);
  assert.equal(await page.locator('main h1[data-static]').count(), 1, 'the static heading stays');
  // What was typed before the app ran is in the app's box, which answers it.
  assert.equal(await page.locator('#site-search').inputValue(), 'sosten');
  assert.ok(await page.locator('#site-search').evaluate((e) => e === document.activeElement));
  await page.locator('#search-suggestions [role="option"]:not([hidden])').first().waitFor();
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
  // A document's page has a button (copy the citation): the app draws it, then swaps.
  page = await phonePage(browser, { live: false });
  watch = await watchTakeover(page, '/es/documents/lima-declaration-2019');
  watch.release();
  await checkTakeover(page, watch, /^Declaración de Lima/);
  assert.equal(await page.locator('main h1[data-static]').count(), 0, 'the app drew its own heading');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('without JavaScript a pre-rendered page reads whole and says what needs JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.url + '/en/news/observatory-launch');
  assert.match(await page.locator('main h1').innerText(), /Observatory/);
  assert.ok(await page.locator('main article.article p').nth(3).isVisible());
  assert.match(await page.locator('#app noscript p.notice').innerText(), /read this page and follow its links/);
  // Its links are plain links: the list page is pre-rendered too.
  await page.locator('main a', { hasText: 'Back to news' }).click();
  await page.waitForURL(/\/en\/news$/);
  assert.ok((await page.locator('main .card').count()) >= 10);
  await context.close();
});

test("procurement comes first: the home leads with the members' open contracting figure; the data page and the procurement systems area show their comparison", async () => {
  const page = await phonePage(browser);
  await page.goto(site.url + '/es/');
  const first = page.locator('main .figures .key-figure').first();
  await first.waitFor();
  // Computed by the build from the bundled OCDS data, with what it rests on.
  assert.match(await first.innerText(), /^66,1\s%\s+de los procesos fueron competitivos \(abiertos o selectivos\), sobre 62 procesos de 4 miembros con datos abiertos$/);
  assert.equal(await first.getAttribute('href'), '/es/data/ocds-comparison-shares');
  await first.click();
  await page.waitForSelector('figure.chart');
  assert.equal(await page.locator('main h1').innerText(), 'Competencia, oferta única y plazos cortos, por miembro (%)');
  assert.match(await page.locator('main').innerText(), /Calculado por el Observatorio al publicar el sitio/);
  assert.match(await page.locator('main').innerText(), /Perú \(21 procesos\)/);
  await page.goto(site.url + '/es/data');
  await page.waitForSelector('figure.chart');
  assert.match(await page.locator('figure.chart').first().innerText(), /Competencia, oferta única/);
  await page.goto(site.url + '/en/topics/procurement-systems');
  await page.waitForFunction(() => /Competition, single bids and short periods, per member/.test(document.querySelector('main')?.innerText || ''));
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});
