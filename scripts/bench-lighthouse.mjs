// Lighthouse as a ministry's web team runs it (npm lighthouse 12.8.2, default mode: simulated
// mobile throttling, what PageSpeed Insights shows), in Debian's Chromium, on pages of the
// release build served like a static host. Prints medians of several runs as Markdown.
// Usage: node scripts/bench-lighthouse.mjs [--dir dist] [--runs 5] [--pages /es/,/es/events]
// Lighthouse lives in bench/lighthouse with its own lock file (installed here on first use), so
// the build and test set-up never downloads its ~200 packages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './bench-lib.mjs';
import { serve } from '../tests/e2e/server.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const dir = opt('dir', 'dist');
const runs = Number(opt('runs', '5'));
const pages = opt('pages', '/es/,/es/news/observatory-launch,/es/events,/es/indicators').split(',');
const lhDir = path.resolve('bench/lighthouse');
const lighthouse = path.join(lhDir, 'node_modules/.bin/lighthouse');
if (!fs.existsSync(lighthouse)) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: lhDir, stdio: 'inherit' });
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const site = await serve(dir, '/');
// The local server compresses each file on its first request: do it before measuring, as a
// static host serves files it already has.
const warm = async (rel) => { await fetch(site.url + rel, { headers: { 'accept-encoding': 'br' } }).catch(() => {}); };
for (const f of fs.readdirSync(path.join(dir, 'app'))) await warm(`/app/${f}`);
for (const p of pages) await warm(p);

const out = path.join(os.tmpdir(), `lh-${process.pid}.json`);
console.log(`### Lighthouse ${JSON.parse(fs.readFileSync(path.join(lhDir, 'node_modules/lighthouse/package.json'), 'utf8')).version}, default simulated mobile (${runs} runs each, medians)\n`);
console.log('| page | performance | FCP (ms) | LCP (ms) | TBT (ms) | CLS | LCP element |\n|---|---:|---:|---:|---:|---:|---|');
for (const p of pages) {
  const s = [];
  for (let i = 0; i < runs; i++) {
    try {
      execFileSync(lighthouse, [site.url + p, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance',
        ...flags.map((f) => `--chrome-flags=${f}`)], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, stdio: 'ignore', timeout: 120000 });
    } catch (e) { console.log(`warning: lighthouse failed on ${p}: ${e.message.split('\n')[0]}`); continue; }
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    const a = r.audits;
    const el = a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? '';
    s.push({ score: r.categories.performance.score * 100, fcp: a['first-contentful-paint'].numericValue, lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue, cls: a['cumulative-layout-shift'].numericValue, el });
  }
  if (!s.length) continue;
  const m = (k) => median(s.map((x) => x[k]));
  console.log(`| ${p} | ${Math.round(m('score'))} | ${Math.round(m('fcp'))} | ${Math.round(m('lcp'))} | ${Math.round(m('tbt'))} | ${m('cls').toFixed(3)} | \`${s[0].el}\` |`);
}
fs.rmSync(out, { force: true });
site.stop();
