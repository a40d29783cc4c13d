// A small static file server that behaves like a real static host / CDN:
// - serves DIST under BASE (e.g. /observatorio/), compressed with brotli or gzip when asked;
// - unknown paths get DIST/404.html with status 404 (GitHub Pages, Netlify, S3 error document),
//   which is the app itself, so deep links survive a reload;
// - with the headers the build wrote in DIST/_headers (Netlify / Cloudflare Pages format: the
//   security policy, caching, types), as those hosts apply them: every rule whose path matches
//   adds its headers, values of the same header joined by ", ".
// Usage: node scripts/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--base /]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const dir = path.resolve(opt('dir', 'dist'));
const port = Number(opt('port', '8080'));
const host = opt('host', '127.0.0.1');
let base = opt('base', '/');
if (!base.startsWith('/')) base = '/' + base;
if (!base.endsWith('/')) base += '/';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.ics': 'text/calendar; charset=utf-8', '.webmanifest': 'application/manifest+json',
};
const cache = new Map();

/** The rules of a `_headers` file: [{ path, headers: [[name, value]] }]. */
function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const at = line.indexOf(':');
      if (at > 0 && rules.length) rules[rules.length - 1].headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    } else {
      rules.push({ path: line.trim(), headers: [] });
    }
  }
  return rules;
}
const headersFile = path.join(dir, '_headers');
let rules = [];
let rulesStamp = 0;
/** The headers `_headers` sets for `pathname` (read again when the build rewrites it). */
function ruled(pathname) {
  const stamp = fs.existsSync(headersFile) ? fs.statSync(headersFile).mtimeMs : 0;
  if (stamp !== rulesStamp) {
    rules = stamp ? parseHeaders(fs.readFileSync(headersFile, 'utf8')) : [];
    rulesStamp = stamp;
  }
  const out = {};
  for (const r of rules) {
    const hit = r.path.endsWith('*') ? pathname.startsWith(r.path.slice(0, -1)) : pathname === r.path;
    if (!hit) continue;
    for (const [k, v] of r.headers) out[k] = out[k] ? `${out[k]}, ${v}` : v;
  }
  return out;
}

function compressed(file, encoding) {
  const stat = fs.statSync(file);
  const key = `${file}:${encoding}:${stat.mtimeMs}`;
  if (!cache.has(key)) {
    const raw = fs.readFileSync(file);
    const body = encoding === 'br'
      ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : encoding === 'gzip' ? zlib.gzipSync(raw, { level: 9 }) : raw;
    cache.set(key, body);
  }
  return cache.get(key);
}

function send(req, res, file, status, pathname) {
  const ext = path.extname(file);
  const type = types[ext] || 'application/octet-stream';
  const accept = String(req.headers['accept-encoding'] || '');
  const compressible = !['.png', '.ico'].includes(ext);
  const encoding = compressible && /\bbr\b/.test(accept) ? 'br' : compressible && /\bgzip\b/.test(accept) ? 'gzip' : null;
  const body = compressed(file, encoding);
  const headers = {
    'content-type': type,
    'content-length': body.length,
    'vary': 'accept-encoding',
    // Hashed assets never change; content and HTML must be revalidated.
    'cache-control': /-[0-9a-f]{8,}\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  Object.assign(headers, ruled(pathname));
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = http.createServer((req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    pathname = '/';
  }
  const notFound = path.join(dir, '404.html');
  if (pathname + '/' === base) pathname = base;
  if (!pathname.startsWith(base)) {
    return fs.existsSync(notFound) ? send(req, res, notFound, 404, pathname) : (res.writeHead(404), res.end('not found'));
  }
  let rel = pathname.slice(base.length);
  let file = path.join(dir, rel);
  if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return send(req, res, file, 200, pathname);
  if (fs.existsSync(notFound)) return send(req, res, notFound, 404, pathname);
  res.writeHead(404); res.end('not found');
});
server.listen(port, host, () => {
  console.log(`Serving ${dir} at http://${host}:${port}${base}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
