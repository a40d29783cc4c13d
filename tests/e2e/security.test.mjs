// The headers the build writes (issue 19): served by scripts/serve.mjs from dist/_headers as
// Netlify and Cloudflare Pages serve them. Every other browser test runs under them and fails on
// a `securitypolicyviolation` (tests/e2e/browser.mjs); these check the headers themselves and
// that the policy is really enforced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, phonePage } from './browser.mjs';
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

const head = async (p) => (await fetch(site.url + p)).headers;

test('pages carry a strict policy, the security headers and revalidation; widgets may be framed', async () => {
  for (const p of ['/es/', '/en/news/observatory-launch', '/es/no-such-page', '/es/offline.html', '/sw.js']) {
    const h = await head(p);
    const csp = h.get('content-security-policy');
    assert.ok(csp, p);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|,/, p);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]{44}'){2};/, p);
    assert.match(csp, /frame-ancestors 'none'$/, p);
    assert.equal(h.get('cache-control'), 'no-cache', p);
    assert.equal(h.get('x-content-type-options'), 'nosniff', p);
    assert.equal(h.get('referrer-policy'), 'strict-origin-when-cross-origin', p);
    assert.equal(h.get('cross-origin-opener-policy'), 'same-origin', p);
    assert.match(h.get('permissions-policy'), /camera=\(\)/, p);
  }
  // The bundled content names no comment form service: the pages connect to their own site only
  // (a named service is added to connect-src and form-action: see crates/publish/src/headers.rs).
  assert.match((await head('/es/')).get('content-security-policy'), /connect-src 'self'; form-action 'self';/);
  const widget = (await head('/widget/es/news.html')).get('content-security-policy');
  assert.match(widget, /^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+';.*frame-ancestors \*$/);
  // Hashed files are immutable; the rest is revalidated, with the types hosts guess wrong.
  const wasm = fs.readdirSync('dist/app').find((f) => f.endsWith('.wasm'));
  assert.equal((await head(`/app/${wasm}`)).get('cache-control'), 'public, max-age=31536000, immutable');
  const version = fs.readdirSync('dist/search').find((f) => /^[0-9a-f]{8,}$/.test(f));
  assert.equal((await head(`/search/${version}/facets.json`)).get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal((await head('/search/es/first.json')).get('cache-control'), 'no-cache');
  assert.equal((await head('/content/news.json')).get('cache-control'), 'no-cache');
  assert.equal((await head('/calendar/es/events.ics')).get('content-type'), 'text/calendar; charset=utf-8');
  assert.equal((await head('/feeds/es/news.rss.xml')).get('content-type'), 'application/rss+xml; charset=utf-8');
  assert.equal((await head('/feeds/en/news.atom.xml')).get('content-type'), 'application/atom+xml; charset=utf-8');
  assert.equal((await head('/manifest.en.webmanifest')).get('content-type'), 'application/manifest+json');
});

test('the policy is enforced: an injected inline script and style attribute are refused', async () => {
  const page = await phonePage(browser);
  await page.goto(site.url + '/es/indicators');
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    const d = document.createElement('div');
    d.setAttribute('style', 'width: 123px');
    document.body.append(d);
    await new Promise((r) => setTimeout(r, 100));
    return [window.__injected === true, d.getBoundingClientRect().width === 123];
  });
  assert.deepEqual(ran, [false, false]);
  assert.deepEqual(page.violations.map((v) => v.split(' ')[0]).sort(), ['script-src-elem', 'style-src-attr']);
  page.violations.length = 0;
  await page.context().close();
});

test('the site refuses to be framed by another page; a widget may be', async () => {
  // A host page on a second origin (another port), as a ministry's site.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frame-host-'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>host</title><iframe id="site" src="${site.url}/es/"></iframe><iframe id="widget" src="${site.url}/widget/es/news.html"></iframe>`);
  const host = await serve(path.relative(path.resolve('.'), dir), '/');
  try {
    const page = await phonePage(browser, { live: false });
    await page.goto(host.url + '/');
    await page.frameLocator('#widget').locator('.w-item:not([hidden])').first().waitFor();
    // The site's frame never shows the site: the browser puts its error page there instead.
    await page.waitForFunction(() => document.querySelector('#site'));
    await page.waitForTimeout(500);
    const frame = page.frames().find((f) => f !== page.mainFrame() && !/widget/.test(f.url()));
    assert.ok(frame);
    assert.equal(await frame.locator('#app').count(), 0, frame.url());
    await page.context().close();
  } finally {
    host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
