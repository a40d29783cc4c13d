// Renders the PNG icons of the install manifest from their SVG sources (public/icons/), with
// Debian's Chromium. Run by hand when an SVG changes (node scripts/icons.mjs); the PNGs are
// committed, so a build never needs a browser.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';

const dir = path.resolve('public/icons');
const out = [['icon.svg', 'icon-192.png', 192], ['icon.svg', 'icon-512.png', 512], ['maskable.svg', 'maskable-512.png', 512]];
const browser = await launch();
for (const [svg, png, size] of out) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const src = fs.readFileSync(path.join(dir, svg), 'utf8');
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${src}`);
  await page.screenshot({ path: path.join(dir, png), omitBackground: true });
  await page.close();
  console.log(png, fs.statSync(path.join(dir, png)).size, 'bytes');
}
await browser.close();
