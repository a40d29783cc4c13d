// Benchmark of the embeddable widgets: a host page on a second origin (another port) embeds one
// widget through embed.js; measured is the time from the host page's navigation start to the
// widget's first contentful paint (its content is in its HTML, so that paint shows the items),
// in headless Chromium under the same emulation as scripts/bench.mjs (Slow 4G as DevTools
// applies it: 562.5 ms per request, 1.47 Mbps down; 4x CPU slowdown), with the host page's own
// request included; and the same from the moment the host page's HTML has arrived (what the
// widget itself costs: two request waves, embed.js and then the widget page). Also prints the snippet's and the widget pages' compressed sizes.
// Usage: node scripts/bench-widget.mjs [--dir dist] [--runs 7] [--kind events]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';
import { br, median, slowPhonePage } from './bench-lib.mjs';
import { serve } from '../tests/e2e/server.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist');
const runs = Number(opt('runs', '7'));
const kind = opt('kind', 'events');

const snippet = br(fs.readFileSync(path.join(dir, 'embed.js')));
const sizes = ['events', 'news', 'search'].map((k) => [k, br(fs.readFileSync(path.join(dir, `widget/es/${k}.html`)))]);

const site = await serve(dir, '/');
const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-host-'));
const extra = kind === 'chart' ? ` data-dataset="${fs.readdirSync(path.join(dir, 'widget/es/chart'))[0].replace(/\.html$/, '')}"` : '';
fs.writeFileSync(path.join(hostDir, 'index.html'), `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head><body>
<h1>Ministerio</h1><div data-observatorio="${kind}" data-lang="es" data-country="CO"${extra}><a href="${site.url}/es/">Observatorio</a></div>
<script src="${site.url}/embed.js" async></script></body></html>`);
const host = await serve(path.relative(process.cwd(), hostDir), '/');
const browser = await launch();
const samples = [];
for (let i = 0; i < runs; i++) {
  const { context, page, cdp } = await slowPhonePage(browser);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(`${host.url}/`);
  const frame = await (await page.waitForSelector('iframe', { timeout: 60000 })).contentFrame();
  await frame.waitForSelector('.w-title', { timeout: 60000 });
  const fcp = await frame.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') resolve(performance.timeOrigin + e.startTime);
    }).observe({ type: 'paint', buffered: true });
  }));
  const [origin, hostHtml] = await page.evaluate(() => [performance.timeOrigin, performance.getEntriesByType('navigation')[0].responseEnd]);
  const items = await frame.evaluate(() => document.querySelectorAll('.w-item:not([hidden]), svg, form').length);
  samples.push({ visible: fcp - origin, own: fcp - origin - hostHtml, bytes, items });
  await context.close();
}
await browser.close();
site.stop();
host.stop();
fs.rmSync(hostDir, { recursive: true, force: true });
const v = samples.map((s) => s.visible);
console.log(`${dir}, widget "${kind}" (country CO) on a host page from another origin; ${runs} runs, Slow 4G + 4x CPU\n`);
console.log('| measure | median | min | max |\n|---|---:|---:|---:|');
console.log(`| widget visible (its first contentful paint, from the host's navigation start) | ${median(v).toFixed(0)} ms | ${Math.min(...v).toFixed(0)} ms | ${Math.max(...v).toFixed(0)} ms |`);
const o = samples.map((s) => s.own);
console.log(`| widget visible, from the host page's HTML received (embed.js, then the widget page) | ${median(o).toFixed(0)} ms | ${Math.min(...o).toFixed(0)} ms | ${Math.max(...o).toFixed(0)} ms |`);
console.log(`| bytes transferred (host page, embed.js, widget) | ${(median(samples.map((s) => s.bytes)) / 1024).toFixed(1)} KiB | | |`);
console.log(`\nitems shown at first paint: ${samples[0].items}; embed.js ${snippet} B brotli; widget pages (es), brotli: ${sizes.map(([k, n]) => `${k} ${(n / 1024).toFixed(1)} KiB`).join(', ')}`);
