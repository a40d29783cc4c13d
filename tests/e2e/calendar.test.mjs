// The events calendar in headless Chromium at a phone viewport: month grid by touch and keyboard,
// filters in the URL, times in every member capital and the reader's zone, calendar files, the
// comment form (sent, failed, draft kept, honeypot) and bad event data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLoaded, realErrors, chooseFilter } from './browser.mjs';
import { serve } from './server.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve('dist', '/'); });
after(async () => { await browser?.close(); site?.stop(); });

const open = (path, opts) => openLoaded(browser, site.url + path, opts);

const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

test('month grid: opens on the next event\'s month, with today\'s one tap away; no keyboard keys for a finger', async () => {
  // The view switch leads to the month view with no month: the next event's (the sample webinar's).
  const page = await open('/es/events');
  await page.locator('.view-switch a', { hasText: 'Mes' }).tap();
  await page.waitForURL(/view=month/);
  await page.waitForFunction(() => document.querySelector('#cal-title')?.innerText === 'marzo de 2027');
  assert.equal(await page.locator('button[data-date="2027-03-18"]').count(), 1);
  // Today's month is one tap away (and the previous and next months, one tap each).
  const now = new Date();
  const here = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  assert.equal(await page.locator(`.cal-head a[href*="month=${here}"]:not([hidden])`).count(), 1, 'a link to today\'s month');
  assert.equal(await page.locator('.cal-head a[href*="month=2027-02"]:not([hidden])').count(), 1);
  assert.equal(await page.locator('.cal-head a[href*="month=2027-04"]:not([hidden])').count(), 1);
  // A touch reader is not told about arrow keys; a desktop reader is.
  assert.equal(await page.locator('#cal-hint').isVisible(), false);
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const dp = await desk.newPage();
  await dp.goto(site.url + '/es/events?view=month');
  await dp.waitForSelector('#cal-hint');
  assert.equal(await dp.locator('#cal-hint').isVisible(), true);
  await desk.close();
  await page.context().close();
});

test('month grid: weeks from Monday, marked days, a chosen day lists its events', async () => {
  const page = await open('/es/events?view=month&month=2027-03');
  assert.equal(await page.locator('#cal-title').innerText(), 'marzo de 2027');
  assert.equal(await page.locator('.view-switch a[aria-current="page"]').innerText(), 'Mes');
  const heads = await page.locator('.month-grid thead th span[aria-hidden]').allInnerTexts();
  assert.deepEqual(heads, ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom']);
  // Five weeks this month: the sixth row is hidden.
  assert.equal(await page.locator('[role="grid"] tr:not([hidden]) [role="gridcell"]').count(), 35);
  assert.equal(await page.locator('[role="grid"] [role="gridcell"]:visible').count(), 35);
  // 18 March 2027 has the sample webinar; no other day of the month has an event.
  const marked = await page.locator('.day.has-events:not(.other-month) button').evaluateAll((bs) => bs.map((b) => b.dataset.date));
  assert.deepEqual(marked, ['2027-03-18']);
  assert.match(await page.locator('button[data-date="2027-03-18"]').getAttribute('aria-label'), /jueves, 18 de marzo de 2027: 1 evento/);
  await page.locator('button[data-date="2027-03-18"]').tap();
  await page.waitForFunction(() => location.search.includes('day=2027-03-18'));
  await page.waitForSelector('.day-events h2');
  assert.equal(await page.locator('.day-events h2').innerText(), '18 de marzo de 2027');
  assert.match(await page.locator('.day-events').innerText(), /Webinario/);
  assert.equal(await page.locator('td[aria-selected="true"] button').getAttribute('data-date'), '2027-03-18');
  // Next month by its button: the grid moves in place and the URL follows (a reload keeps it).
  await page.getByRole('link', { name: 'Mes siguiente' }).click();
  await page.waitForFunction(() => document.querySelector('#cal-title')?.textContent === 'abril de 2027');
  await page.waitForFunction(() => location.search.includes('month=2027-04'));
  await page.reload();
  await page.waitForSelector('#cal-title');
  assert.equal(await page.locator('#cal-title').innerText(), 'abril de 2027');
  // A filter chosen after moving keeps the month.
  await chooseFilter(page, '#filter-country', 'CO');
  await page.waitForFunction(() => location.search.includes('country=CO'));
  assert.equal(new URL(page.url()).searchParams.get('month'), '2027-04');
  assert.equal(await page.locator('#cal-title').innerText(), 'abril de 2027');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('month grid by keyboard: arrows, Home/End and Page Down move focus and the chosen day', async () => {
  const page = await open('/en/events?view=month&month=2027-03&day=2027-03-18');
  // One day in the tab order: the chosen one.
  assert.deepEqual(await page.locator('.month-grid button[tabindex="0"]').evaluateAll((bs) => bs.map((b) => b.dataset.date)), ['2027-03-18']);
  await page.locator('button[data-date="2027-03-18"]').focus();
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.date);
  const press = async (key, date) => {
    await page.keyboard.press(key);
    await page.waitForFunction((d) => document.activeElement?.dataset?.date === d, date);
  };
  await press('ArrowRight', '2027-03-19');
  await press('ArrowDown', '2027-03-26');
  await press('Home', '2027-03-22');
  await press('End', '2027-03-28');
  await press('ArrowUp', '2027-03-21');
  assert.equal(params(page).day, '2027-03-21');
  // Still exactly one day in the tab order, and it is the chosen one.
  assert.deepEqual(await page.locator('.month-grid button[tabindex="0"]').evaluateAll((bs) => bs.map((b) => b.dataset.date)), ['2027-03-21']);
  assert.deepEqual(await page.locator('td[aria-selected="true"] button').evaluateAll((bs) => bs.map((b) => b.dataset.date)), ['2027-03-21']);
  await press('PageDown', '2027-04-21');
  assert.equal(await page.locator('#cal-title').innerText(), 'April 2027');
  assert.equal(params(page).month, '2027-04');
  await press('ArrowLeft', '2027-04-20');
  assert.equal(await focused(), '2027-04-20');
  assert.match(await page.locator('.day-events').innerText(), /No events on this day/);
  await page.context().close();
});

test('filters live in the URL and combine with the month view', async () => {
  const page = await open('/es/events?view=month&month=2027-05&country=CO');
  assert.equal(await page.locator('.day.has-events:not(.other-month)').count(), 0);
  assert.match(await page.locator('.day-hint').innerText(), /No hay eventos este mes/);
  await chooseFilter(page, '#filter-country', 'CL');
  await page.waitForFunction(() => location.search.includes('country=CL'));
  const marked = await page.locator('.day.has-events:not(.other-month) button').evaluateAll((bs) => bs.map((b) => b.dataset.date));
  assert.deepEqual(marked, ['2027-05-12', '2027-05-13']);
  assert.equal(params(page).view, 'month');
  assert.equal(params(page).month, '2027-05');
  // The agenda keeps the filters; format and organizer filters narrow it.
  await page.getByRole('link', { name: 'Agenda' }).click();
  await page.waitForFunction(() => !location.search.includes('view='));
  assert.equal(params(page).country, 'CL');
  const page2 = await open('/en/events?format=online');
  const titles = await page2.locator('.event-card h3').allInnerTexts();
  assert.ok(titles.length >= 2 && titles.every((t) => !/Summit|Forum/.test(t)), titles.join(' | '));
  const orgs = await page2.locator('#filter-organizer option').allInnerTexts();
  assert.ok(orgs.length >= 3, orgs.join(' | '));
  // Absurd values are ignored and reported, and the page still works.
  const page3 = await open('/en/events?view=decade&month=9999-99&day=%3Cscript%3E');
  assert.match(await page3.locator('.notice').first().innerText(), /view, month, day/);
  assert.equal(await page3.locator('.event-card').count() > 0, true);
  for (const p of [page, page2, page3]) await p.context().close();
});

test('an event in every member capital and in the reader\'s own zone', async () => {
  const page = await open('/es/events/digital-teaching-seminar-2022', { timezoneId: 'Europe/Madrid' });
  const rows = await page.locator('table.zones tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
  const at = (city) => rows.find(([place]) => place.includes(city))?.[1];
  assert.equal(at('Ciudad de México'), '12:00');
  assert.equal(at('Bogotá'), '13:00');
  assert.equal(at('Lima'), '13:00');
  assert.equal(at('Santiago'), '15:00');
  assert.equal(at('Madrid'), '19:00');
  assert.match(rows.find(([p]) => p.includes('Madrid'))[0], /Su hora/);
  assert.match(rows.find(([p]) => p.includes('Santiago'))[0], /UTC−3/);
  // March 2027, before Chile's April change: Santiago still at UTC−3 (two hours after Bogotá).
  const page2 = await open('/en/events/sample-webinar-selling-to-government-2027', { timezoneId: 'America/Santiago' });
  const rows2 = await page2.locator('table.zones tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent, tr.className]));
  const santiago = rows2.find(([p]) => p.includes('Santiago'));
  assert.equal(santiago[1], '12:00');
  assert.match(santiago[0], /Your time/);
  assert.match(santiago[2], /mine/);
  assert.equal(rows2.find(([p]) => p.includes('Mexico City'))[1], '09:00');
  // Whole-day events say their dates are local.
  const page3 = await open('/en/events/xiv-summit-lima-2019');
  assert.equal(await page3.locator('table.zones').count(), 0);
  assert.match(await page3.locator('main').innerText(), /Dates are those of the event's location/);
  for (const p of [page, page2, page3]) await p.context().close();
});

test('an upcoming event: registration, the calendar and the comment form by its date; the zone as a city', async () => {
  const page = await open('/en/events/sample-webinar-selling-to-government-2027');
  // The actions come right after the date, before the times table and the text.
  const order = await page.evaluate(() => {
    const at = (sel) => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().top + window.scrollY : null; };
    return { facts: at('dl.facts'), actions: at('.event-actions'), zones: at('table.zones'), form: at('.comment-form') };
  });
  assert.ok(order.facts < order.actions && order.actions < order.zones && order.zones < order.form, JSON.stringify(order));
  assert.ok(order.actions < 823 * 1.6, `the actions are ${order.actions}px down`);
  const actions = page.locator('.event-actions');
  const texts = await actions.locator('a').allInnerTexts();
  assert.equal(texts.length, 4, texts.join(' | '));
  assert.match(texts[0], /^Register by e-mail/);
  assert.match(texts[1], /^File \.ics/);
  assert.match(texts[2], /^Google Calendar/);
  assert.equal(texts[3], 'Send your comments');
  assert.equal(await actions.locator('a.button').count(), 4);
  assert.equal(await page.locator('dl.facts').innerText().then((t) => /Bogotá/.test(t) && !/America\/Bogota/.test(t)), true);
  await page.context().close();
});

test('add to calendar: the .ics file and the Google Calendar link', async () => {
  const page = await open('/en/events/sample-webinar-selling-to-government-2027');
  const ics = page.locator('a[download]');
  const href = await ics.getAttribute('href');
  assert.equal(href, '/calendar/en/sample-webinar-selling-to-government-2027.ics');
  const res = await page.request.get(site.url + href);
  assert.match(res.headers()['content-type'], /text\/calendar/);
  const text = await res.text();
  assert.match(text, /\r\nDTSTART:20270318T150000Z\r\n/);
  const [download] = await Promise.all([page.waitForEvent('download'), ics.click()]);
  assert.equal(download.suggestedFilename(), 'sample-webinar-selling-to-government-2027.ics');
  const google = await page.getByRole('link', { name: /Google Calendar/ }).getAttribute('href');
  assert.match(google, /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=/);
  assert.match(google, /dates=20270318T100000\/20270318T113000/);
  assert.match(google, /ctz=America%2FBogota/);
  // Subscribable feeds are linked from the events page.
  const list = await open('/es/events');
  const feeds = await list.locator('.feeds a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(feeds, ['/calendar/es/events.ics', '/calendar/es/events-cl.ics', '/calendar/es/events-co.ics', '/calendar/es/events-mx.ics', '/calendar/es/events-pe.ics']);
  for (const p of [page, list]) await p.context().close();
});

const WEBINAR = '/es/events/sample-webinar-selling-to-government-2027';
const SERVICE = 'https://forms.example.org/observatorio/sample-webinar';

/** The webinar as a site that configured a form service would publish it: the event's file
 *  names the service, and the page's policy lets the browser post to it. The bundled content
 *  names none (it ships no service that would fail), so the e-mail is its way by default. */
async function withFormService(p) {
  await p.route(/\/content\/items\/events\/sample-webinar-selling-to-government-2027\.json(\?.*)?$/, async (route) => {
    const res = await route.fetch();
    const file = await res.json();
    for (const e of file.events) e.participation = { ...e.participation, form: SERVICE };
    return route.fulfill({ response: res, body: JSON.stringify(file) });
  });
  await p.route((url) => url.pathname === '/es/events/sample-webinar-selling-to-government-2027', async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    headers['content-security-policy'] = headers['content-security-policy'].replace("connect-src 'self'", "connect-src 'self' https://forms.example.org");
    return route.fulfill({ response: res, headers });
  });
}

test('comment form: validation, sending, sent', async () => {
  const posts = [];
  const page = await open(WEBINAR, {
    setup: async (p) => { await withFormService(p); await p.route('https://forms.example.org/**', (route) => {
      posts.push(route.request().postData());
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}', headers: { 'access-control-allow-origin': '*' } });
    }); },
  });
  await page.getByRole('button', { name: 'Enviar comentario' }).click();
  // The error sits under its field, is read with it, and the field takes the focus.
  assert.equal(await page.locator('.form-error').innerText(), 'Escriba su comentario.');
  assert.equal(await page.locator('#c-message').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#c-message').getAttribute('aria-describedby'), 'c-message-error c-count c-draft');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'c-message');
  assert.equal(await page.locator('#c-message-error').getAttribute('role'), 'alert');
  await page.fill('#c-email', 'no es correo');
  await page.fill('#c-message', 'Propongo hablar de pymes lideradas por mujeres & compras verdes.');
  assert.match(await page.locator('#c-count').innerText(), /^64 \/ 2000/);
  await page.getByRole('button', { name: 'Enviar comentario' }).click();
  assert.match(await page.locator('#c-email-error').innerText(), /Revise el correo/);
  assert.equal(await page.locator('#c-email').getAttribute('aria-describedby'), 'c-email-error');
  assert.equal(await page.locator('#c-message').getAttribute('aria-invalid'), null);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'c-email');
  // Who receives what the form collects, and what for, with the privacy page.
  const privacy = page.locator('.privacy-note');
  assert.match(await privacy.innerText(), /se entregan solo a Comité de Compras Públicas \(ejemplo\), para responderle/);
  assert.equal(await privacy.locator('a').getAttribute('href'), '/es/about/privacy');
  await page.fill('#c-email', 'ana@example.cl');
  await page.getByRole('button', { name: 'Enviar comentario' }).click();
  await page.getByText('Gracias: su comentario fue enviado.').waitFor();
  assert.equal(posts.length, 1);
  const body = new URLSearchParams(posts[0]);
  assert.equal(body.get('event'), 'sample-webinar-selling-to-government-2027');
  assert.equal(body.get('email'), 'ana@example.cl');
  assert.equal(body.get('message'), 'Propongo hablar de pymes lideradas por mujeres & compras verdes.');
  // The draft is gone once sent.
  assert.equal(await page.evaluate(() => localStorage.getItem('observatorio.draft.sample-webinar-selling-to-government-2027')), null);
  await page.context().close();
});

test('comment form: a failed send keeps the text, across a reload, and offers e-mail', async () => {
  const page = await open(WEBINAR, { setup: async (p) => { await withFormService(p); await p.route('https://forms.example.org/**', (route) => route.fulfill({ status: 500, body: 'down' })); } });
  await page.fill('#c-name', 'Ana');
  await page.fill('#c-message', 'Un comentario que no debe perderse.');
  await page.getByRole('button', { name: 'Enviar comentario' }).click();
  await page.getByText(/No se pudo enviar/).waitFor();
  assert.equal(await page.inputValue('#c-message'), 'Un comentario que no debe perderse.');
  const mail = await page.locator('.notice.error a').getAttribute('href');
  assert.match(mail, /^mailto:eventos@example\.org\?subject=.+&body=Un%20comentario%20que%20no%20debe%20perderse\./);
  await page.reload();
  await page.waitForSelector('#c-message');
  assert.equal(await page.inputValue('#c-message'), 'Un comentario que no debe perderse.');
  assert.equal(await page.inputValue('#c-name'), 'Ana');
  await page.context().close();
});

test('comment form: the honeypot drops bot posts; e-mail-only events open a prefilled e-mail', async () => {
  let posted = 0;
  const page = await open(WEBINAR, { setup: async (p) => { await withFormService(p); await p.route('https://forms.example.org/**', (route) => { posted++; return route.fulfill({ status: 200, body: '{}' }); }); } });
  // People cannot see or reach the field.
  assert.equal(await page.locator('#c-website').getAttribute('tabindex'), '-1');
  assert.equal(await page.locator('.hp').getAttribute('aria-hidden'), 'true');
  await page.fill('#c-message', 'spam');
  await page.locator('#c-website').fill('http://spam.example', { force: true });
  await page.getByRole('button', { name: 'Enviar comentario' }).click();
  await page.getByText('Gracias: su comentario fue enviado.').waitFor();
  assert.equal(posted, 0);
  const forum = await open('/en/events/sample-sustainable-procurement-forum-2027');
  assert.equal(await forum.getByRole('button', { name: 'Send comment' }).count(), 0);
  // Where no service is configured, the e-mail is the way, and the page says so.
  assert.match(await forum.locator('.comment-form').innerText(), /This event takes comments by e-mail/);
  await forum.fill('#c-message', 'Hello & thanks');
  const href = await forum.getByRole('link', { name: 'Write the e-mail' }).getAttribute('href');
  assert.match(href, /^mailto:foro-sostenible@example\.org\?subject=Sample%3A%20.+&body=Hello%20%26%20thanks$/);
  // The bundled webinar names no form service either: its comments go by e-mail.
  const plain = await open(WEBINAR);
  assert.equal(await plain.getByRole('button', { name: 'Enviar comentario' }).count(), 0);
  assert.match(await plain.getByRole('link', { name: 'Escribir el correo' }).getAttribute('href'), /^mailto:eventos@example\.org\?/);
  // Past events have no form, and nothing to add to a calendar.
  const past = await open('/en/events/digital-teaching-seminar-2022');
  assert.equal(await past.locator('.comment-form').count(), 0);
  assert.equal(await past.locator('.add-calendar').count(), 0);
  await plain.context().close();
  for (const p of [page, forum, past]) await p.context().close();
});

test('bad event data: an unknown zone says so, a broken event is left out, the rest still shows', async () => {
  // The events file, and the seminar's own file that its page reads; without the events
  // index (as an older build), the list reads the full file and says what it left out.
  const setup = (p) => p.route('**/content/lists/events.json*', (route) => route.fulfill({ status: 404, body: 'not found' })).then(() => p.route(/\/content\/(items\/events\/digital-teaching-seminar-2022|events)\.json(\?.*)?$/, async (route) => {
    const res = await route.fetch();
    const data = await res.json();
    const seminar = data.events.find((e) => e.id === 'digital-teaching-seminar-2022');
    seminar.timezone = 'America/Atlantis';
    if (data.events.length > 1) data.events.push({ id: 'backwards', title: { es: 'Al revés', en: 'Backwards' }, summary: { es: 's', en: 's' }, start: '2027-03-20', end: '2027-03-19', country: 'XX', organizer: { es: 'o', en: 'o' } });
    return route.fulfill({ response: res, body: JSON.stringify(data) });
  }));
  const page = await open('/en/events/digital-teaching-seminar-2022', { setup });
  assert.match(await page.locator('main').innerText(), /Your browser does not know this event's time zone/);
  assert.match(await page.locator('main h1').innerText(), /Competencies|Digital|seminar/i);
  const list = await open('/en/events?view=month&month=2027-03', { setup });
  assert.match(await list.locator('.skipped-notice').innerText(), /1/);
  assert.equal(await list.locator('.day.has-events:not(.other-month)').count(), 1);
  assert.deepEqual(realErrors(list), []);
  for (const p of [page, list]) await p.context().close();
});

test('calendar views fit a 320 px screen', async () => {
  for (const path of ['/es/events?view=month&month=2027-03&day=2027-03-18', '/es/events/sample-webinar-selling-to-government-2027', '/en/events/digital-teaching-seminar-2022']) {
    const page = await open(path, { viewport: { width: 320, height: 700 }, timezoneId: 'Asia/Kolkata' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, path);
    const small = await page.locator('.month-grid tr:not([hidden]) button, .comment-form button, .add-calendar a').evaluateAll((els) => els.filter((e) => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).length);
    assert.equal(small, 0, path);
    await page.context().close();
  }
});

test('a long agenda shows 20 events at a time, with "show more"', async () => {
  // The full file (no index, as an older build) of 45 events.
  const setup = (p) => p.route('**/content/lists/events.json*', (route) => route.fulfill({ status: 404, body: 'not found' })).then(() => p.route('**/content/events.json*', async (route) => {
    const events = Array.from({ length: 45 }, (_, i) => ({
      id: `many-${i}`, sample: true, title: { es: `Ejemplo: evento ${i}`, en: `Sample: event ${i}` }, summary: { es: 's', en: 's' },
      start: `2030-01-${String(1 + (i % 28)).padStart(2, '0')}`, country: 'PE', organizer: { es: 'o', en: 'o' },
    }));
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ format: 1, events }) });
  }));
  const page = await open('/es/events', { setup });
  assert.equal(await page.locator('.event-card').count(), 20);
  const more = page.getByRole('button', { name: /Mostrar más/ });
  assert.match(await more.innerText(), /20 \/ 45/);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('.event-card').length === 40);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('.event-card').length === 45);
  assert.equal(await more.count(), 0);
  assert.match(await page.locator('.result-count').innerText(), /45/);
  await page.context().close();
});
