// Registers the service worker (public/sw.js) once the page is live, never before: it must not
// compete with the first view or the app's own downloads. Then offers an update when a new build's
// worker is waiting, and reloads only when the reader asks (a page never mixes two builds).
const TEXT = {
  es: ['Hay una nueva versión del Observatorio.', 'Recargar'],
  en: ['A new version of the Observatory is available.', 'Reload'],
};

function offer(worker) {
  if (!worker || !navigator.serviceWorker.controller || document.getElementById('update-notice')) return;
  const [says, label] = TEXT[document.documentElement.lang] || TEXT.es;
  const box = document.createElement('div');
  box.id = 'update-notice';
  box.className = 'update-notice';
  box.setAttribute('role', 'status');
  const p = document.createElement('p');
  p.textContent = says;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
    worker.postMessage('update');
  });
  box.append(p, button);
  document.body.append(box);
}

function register(scope) {
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: scope }).then((reg) => {
    offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (w) w.addEventListener('statechange', () => w.state === 'installed' && offer(w));
    });
    // A visit that lasts (an app kept open on a phone) still learns of a new deploy.
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reg.update().catch(() => {}));
    setInterval(() => reg.update().catch(() => {}), 3600e3);
  }).catch(() => {});
  // What this page read before a worker controlled it, for reading it again offline.
  navigator.serviceWorker.ready.then((reg) => {
    const seen = [location.href].concat(performance.getEntriesByType('resource').map((r) => r.name));
    if (reg.active) reg.active.postMessage({ seen: seen.filter((u) => u.startsWith(document.baseURI)) });
  });
}

// Once the page is live: the icon, then the worker of this page's language (see public/sw.js).
export function registerWhenLive() {
  const base = new URL('.', document.baseURI);
  const lang = location.pathname.slice(base.pathname.length).split('/')[0];
  const worker = 'serviceWorker' in navigator && window.isSecureContext && (lang === 'es' || lang === 'en');
  const live = () => document.querySelector('#app[data-live]');
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    const icon = document.querySelector('link[rel=icon][data-href]');
    if (icon) icon.href = icon.dataset.href;
    if (worker) setTimeout(() => register(base.pathname + lang + '/'), 1000);
  };
  if (live()) return go();
  // The app swaps its own #app in for the static one: watch the whole body.
  const seen = new MutationObserver(() => live() && (seen.disconnect(), go()));
  seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-live'] });
  // An app that never goes live (its code failed): the static pages are still worth keeping.
  setTimeout(go, 20000);
}
