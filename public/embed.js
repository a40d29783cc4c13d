/*! Pacific Alliance Public Procurement Observatory: embed script.
 * Include once per page: <script src="https://…/embed.js" async></script>
 * Each <div data-observatorio="events|news|chart|search" data-lang="es|en" …> becomes an iframe
 * of that widget, sized to its content. Options: data-country, data-area, data-n, data-theme,
 * data-accent, data-compact, data-heading="0" (hide its heading), data-samples="0" (leave sample
 * items out); a chart needs data-dataset. The placeholder's own link stays
 * when JavaScript is off. Nothing is added to the page but the iframes: no globals, no styles. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !me.src) return;
  var base = me.src.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  var origin = new URL(base).origin;
  var kinds = { events: 1, news: 1, chart: 1, search: 1 };
  var frames = [];
  function build(el) {
    if (el.getAttribute('data-observatorio-ready')) return;
    var kind = el.getAttribute('data-observatorio');
    if (!kinds.hasOwnProperty(kind)) return;
    var lang = el.getAttribute('data-lang') === 'en' ? 'en' : 'es';
    var path = 'widget/' + lang + '/' + kind + '.html';
    if (kind === 'chart') {
      var id = el.getAttribute('data-dataset') || '';
      if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(id)) return;
      path = 'widget/' + lang + '/chart/' + id + '.html';
    }
    // Option values go to the widget as URL parameters only (never into markup or CSS); the
    // widget checks them and falls back, saying so, on anything invalid.
    var q = [];
    ['country', 'area', 'n', 'theme', 'accent', 'compact', 'heading', 'samples'].forEach(function (o) {
      var v = el.getAttribute('data-' + o);
      if (v !== null) q.push(o + '=' + encodeURIComponent(v.slice(0, 100)));
    });
    var link = el.querySelector('a');
    var f = document.createElement('iframe');
    f.src = base + path + (q.length ? '?' + q.join('&') : '');
    f.title = (link && link.textContent.trim()) || 'Observatorio de Compras Públicas';
    f.setAttribute('loading', 'lazy');
    f.style.width = '100%';
    f.style.height = '160px';
    f.style.border = '0';
    f.style.display = 'block';
    f.addEventListener('load', function () {
      if (f.contentWindow) f.contentWindow.postMessage({ type: 'observatorio:hello' }, origin);
    });
    el.setAttribute('data-observatorio-ready', '1');
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(f);
    frames.push(f);
  }
  window.addEventListener('message', function (e) {
    if (e.origin !== origin || !e.data || e.data.type !== 'observatorio:size') return;
    var h = Number(e.data.height);
    if (!(h > 0 && h < 20000)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = Math.ceil(h) + 'px';
    }
  });
  function scan() {
    var els = document.querySelectorAll('[data-observatorio]');
    for (var i = 0; i < els.length; i++) build(els[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
