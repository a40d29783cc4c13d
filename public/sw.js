// The Observatory's service worker: the site keeps working offline after a first visit.
// The build minifies it; the publishing step (crates/publish/src/offline.rs) fills in the build's id, what to
// precache and the cap.
// - The shell (home pages, offline pages, the app's main code, manifest, icons) is precached per
//   build; an update waits until the reader asks for it (the page shows "a new version…").
// - Hashed files (app/, search/<version>/) never change: cache first.
// - Pages: the network first (a reader gets the current build), the copy when offline or after
//   a wait; an unvisited page offline gets the offline page of its language.
// - Content files carry the build in their query (?v=): stale-while-revalidate, so a page never
//   reads content of another build.
// - What is read is kept in one cache of at most CAP bytes, oldest out first; what the reader
//   kept for offline (a cache of its own, written by the app) is never evicted.
// - Widget pages, embed.js and oEmbed files are outside its scope; build.json never goes
//   through it.
const BUILD = '__BUILD__';
const PRECACHE = __PRECACHE__;
const CAP = __CAP__;
// One worker per language, scoped to its pages (<base>es/ or <base>en/): widget pages, embed.js
// and the oEmbed files are outside every scope, so a ministry's page never gets a worker of ours.
const scope = self.registration.scope;
const base = new URL('..', scope).href;
const lang = scope.slice(base.length, -1);
const SHELL = 'shell-' + lang + '-' + BUILD;
const RUNTIME = 'runtime';
const INDEX = base + '__runtime-index';
const rel = (u) => (u.startsWith(base) ? u.slice(base.length) : null);
const bypass = (p) => p === null || /^(widget|oembed)\/|^(embed\.js|sw\.js|build\.json)$/.test(p);
const hashed = (p) => /^app\/|^search\/[0-9a-f]{8,}\//.test(p);
// The other language's pages and manifest are its own worker's.
const mine = (p) => !/^(es|en)\//.test(p) && !/^manifest\.(es|en)\./.test(p) || p.startsWith(lang + '/') || p.includes('.' + lang + '.');

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(SHELL).then((c) => c.addAll(PRECACHE.filter(mine).map((p) => base + p))));
});

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('shell-' + lang + '-') && name !== SHELL) await caches.delete(name);
    }
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    await self.clients.claim();
  })());
});

// 'update': the reader asked for the new version. {seen: [urls]}: what the page read before this
// worker controlled it (its first visit), stored as if read through it.
self.addEventListener('message', (e) => {
  if (e.data === 'update') self.skipWaiting();
  const seen = e.data && e.data.seen;
  if (Array.isArray(seen)) {
    e.waitUntil(Promise.all(seen.slice(0, 100).map(async (u) => {
      const p = rel(String(u));
      if (bypass(p) || (await caches.match(u))) return;
      const url = new URL(u);
      const res = await fetch(u).catch(() => null);
      if (usable(res)) await store(/^(es|en)(\/|$)/.test(p) ? url.origin + url.pathname : u, res);
    })));
  }
});

// The runtime cache's index: url → [bytes, time stored]; writes are serialized.
let index = null;
let queue = Promise.resolve();
const readIndex = () => index || (index = caches.match(INDEX).then((r) => (r ? r.json() : {})).catch(() => ({})));

function store(key, res) {
  const copy = res.clone();
  queue = queue.then(async () => {
    const [cache, ix, body] = await Promise.all([caches.open(RUNTIME), readIndex(), copy.clone().blob()]);
    await cache.put(key, copy);
    ix[key] = [body.size, Date.now()];
    let total = 0;
    for (const k in ix) total += ix[k][0];
    for (const [k, [bytes]] of Object.entries(ix).sort((a, b) => a[1][1] - b[1][1])) {
      if (total <= CAP) break;
      await cache.delete(k);
      delete ix[k];
      total -= bytes;
    }
    await cache.put(INDEX, new Response(JSON.stringify(ix)));
  }).catch(() => {});
  return queue;
}

// A redirected response would be refused as the answer to a navigation.
const usable = (res) => res && res.ok && res.type === 'basic' && !res.redirected;

async function fresh(e, key) {
  const res = await fetch(e.request);
  if (usable(res)) e.waitUntil(store(key, res));
  return res;
}

async function page(e) {
  const url = new URL(e.request.url);
  const key = url.origin + url.pathname;
  // Known to be offline: the copy at once, without waiting for the network to fail.
  const stored = !self.navigator.onLine && (await caches.match(key));
  if (stored) return stored;
  const net = (async () => {
    const pre = await e.preloadResponse;
    const res = pre || await fetch(e.request);
    if (usable(res)) e.waitUntil(store(key, res));
    return res;
  })();
  // On a connection that hangs, the copy is shown after a few seconds.
  const late = new Promise((resolve) => setTimeout(resolve, 4000));
  const res = await Promise.race([net.catch(() => null), late]);
  if (res) return res;
  // The key has no query: an exact match, which the cache looks up rather than scans.
  const copy = await caches.match(key);
  if (copy) return copy;
  const settled = await net.catch(() => null);
  return settled || (await caches.match(scope + 'offline.html')) || Response.error();
}

self.addEventListener('fetch', (e) => {
  const r = e.request;
  const path = rel(r.url);
  if (r.method !== 'GET' || bypass(path) || (r.referrer && /\/(widget|oembed)\//.test(r.referrer))) return;
  if (r.mode === 'navigate') {
    e.respondWith(page(e));
  } else if (hashed(path)) {
    e.respondWith(caches.match(r).then((c) => c || fresh(e, r.url)));
  } else {
    // Content, digests, feeds, the manifest: the copy at once, refreshed behind it.
    e.respondWith(caches.match(r).then((c) => {
      const net = fresh(e, r.url);
      if (!c) return net;
      e.waitUntil(net.catch(() => {}));
      return c;
    }));
  }
});
