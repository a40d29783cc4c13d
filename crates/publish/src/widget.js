// Inlined in every widget page (written by the publishing step). Applies the options in the
// query string (`widget::OPTION_NAMES`; an invalid one keeps its default and is
// named in a discreet note) and, once the host page's embed.js says hello, reports the widget's
// height to that page's origin only. The same rules as `widget::Options` in Rust.
(function () {
  'use strict';
  var root = document.querySelector('.w');
  if (!root) return;
  var q = new URLSearchParams(location.search);
  var bad = [];
  function opt(name, ok) {
    if (!q.has(name)) return null;
    var v = q.get(name).trim();
    if (v.length <= 100 && ok(v)) return v;
    bad.push(name);
    return null;
  }
  var areas = (root.getAttribute('data-areas') || '').split(' ');
  var lists = !!root.querySelector('.w-list');
  var country = lists ? opt('country', function (v) { return /^(AP|CL|CO|MX|PE)$/i.test(v); }) : null;
  var area = lists ? opt('area', function (v) { return v !== '' && areas.indexOf(v) >= 0; }) : null;
  var n = lists ? opt('n', function (v) { return /^[0-9]{1,2}$/.test(v) && +v >= 1 && +v <= 10; }) : null;
  var theme = opt('theme', function (v) { return /^(auto|light|dark)$/.test(v); });
  var accent = opt('accent', function (v) { return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v); });
  var flag = function (v) { return /^(1|0|true|false|yes|no)$/.test(v); };
  var on = function (v) { return /^(1|true|yes)$/.test(v); };
  var compact = opt('compact', flag);
  var heading = opt('heading', flag);
  var samples = lists ? opt('samples', flag) : null;
  var html = document.documentElement;
  if (theme) html.setAttribute('data-theme', theme);
  if (accent) {
    var hex = accent.length === 4 ? accent.replace(/([0-9a-f])/gi, '$1$1') : accent;
    var ch = function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    var lum = 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
    html.style.setProperty('--accent', hex);
    html.style.setProperty('--accent-text', 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 ? '#ffffff' : '#000000');
  }
  if (compact && on(compact)) root.classList.add('compact');
  // The host page may have its own heading.
  if (heading && !on(heading)) root.querySelector('.w-head h1').hidden = true;
  if (lists) {
    var d = new Date();
    var pad = function (x) { return (x < 10 ? '0' : '') + x; };
    var today = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
    var max = n ? +n : 5;
    var noSamples = samples && !on(samples);
    var items = root.querySelectorAll('.w-item');
    // A country means that country's items, as the Observatory's own filter does.
    var pick = function (country, area) {
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var it = items[i], c = it.getAttribute('data-country'), end = it.getAttribute('data-end');
        var ok = (!country || c === country.toUpperCase()) &&
          (!area || (' ' + it.getAttribute('data-areas') + ' ').indexOf(' ' + area + ' ') >= 0) &&
          (!noSamples || !it.hasAttribute('data-sample')) &&
          (!end || end >= today) && shown < max;
        it.hidden = !ok;
        if (ok) shown++;
      }
      return shown;
    };
    var shown = pick(country, area), nearest = false;
    // Nothing for these options: the latest items instead (without the area, then without the
    // country), said so above them, rather than a bare "no items".
    if (!shown && (country || area)) {
      shown = (area && country ? pick(country, null) : 0) || pick(null, null);
      nearest = shown > 0;
    }
    var empty = root.querySelector('.w-empty');
    if (empty) empty.hidden = shown > 0;
    var near = root.querySelector('.w-nearest');
    if (near) {
      near.hidden = !nearest;
      var ul = root.querySelector('.w-list');
      if (nearest && ul) ul.parentNode.insertBefore(near, ul);
    }
    // "All events" follows the same filters on the Observatory.
    var more = root.querySelector('.w-more a'), f = [];
    if (country) f.push('country=' + country.toUpperCase());
    if (area) f.push('topic=' + encodeURIComponent(area));
    if (more && f.length) more.setAttribute('href', root.getAttribute('data-list') + '?' + f.join('&'));
  }
  if (bad.length) {
    var note = root.querySelector('.w-note');
    note.querySelector('span').textContent = bad.join(', ');
    note.hidden = false;
  }
  var host = null, last = -1;
  function send() {
    if (!host) return;
    var h = Math.ceil(root.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      parent.postMessage({ type: 'observatorio:size', height: h }, host);
    }
  }
  window.addEventListener('message', function (e) {
    // Only the embedding page, and only a web origin (never '*'): the height goes to it alone.
    if (parent === window || e.source !== parent || !e.data || e.data.type !== 'observatorio:hello') return;
    if (!/^https?:\/\/[^/]+$/.test(e.origin)) return;
    host = e.origin;
    last = -1;
    send();
  });
  if (window.ResizeObserver) new ResizeObserver(send).observe(root);
})();
