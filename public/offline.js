// The offline page's lists (see crates/publish/src/offline.rs): what the reader kept for offline reading (the
// list the app writes to localStorage['observatorio.kept'], the files in the 'kept' cache) and
// the pages the service worker stored as they were read, newest first. No app needed.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var scope = new URL('.', document.baseURI).href;
  if (location.pathname.slice(-13) === '/offline.html') {
    // Opened as a page (the footer's link), not in place of one that is missing.
    $('offline-title').textContent = $('offline-title').getAttribute('data-here');
    $('offline-why').hidden = true;
  }
  $('offline-retry').addEventListener('click', function () { location.reload(); });

  function fill(list, items, remove) {
    list.textContent = '';
    if (!items.length) {
      var empty = document.createElement('li');
      empty.className = 'muted';
      empty.textContent = list.getAttribute('data-empty');
      list.append(empty);
      return;
    }
    items.forEach(function (it) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = it.url;
      a.textContent = it.title || it.url;
      li.append(a);
      if (remove) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'link-button';
        b.textContent = list.getAttribute('data-remove');
        b.addEventListener('click', function () { remove(it); });
        li.append(' ', b);
      }
      list.append(li);
    });
  }

  function kept() {
    try { return JSON.parse(localStorage.getItem('observatorio.kept') || '[]').filter(function (k) { return k && k.url; }); }
    catch (_) { return []; }
  }
  function showKept() {
    fill($('offline-kept'), kept(), function (it) {
      // As the app's keep button does (src/components/keep.rs): files another kept page needs stay.
      var rest = kept().filter(function (k) { return k.url !== it.url; });
      try { localStorage.setItem('observatorio.kept', JSON.stringify(rest)); } catch (_) {}
      var needed = [].concat.apply([], rest.map(function (k) { return k.files || []; }));
      if (window.caches) caches.open('kept').then(function (c) {
        (it.files || []).concat(it.url).forEach(function (f) { if (needed.indexOf(f) < 0) c.delete(f); });
      });
      showKept();
    });
  }
  showKept();

  if (!window.caches) {
    $('offline-unsupported').hidden = false;
    fill($('offline-visited'), []);
    return;
  }
  caches.open('runtime').then(function (cache) {
    return Promise.all([cache.match(scope + '__runtime-index').then(function (r) { return r ? r.json() : {}; }), cache.keys()])
      .then(function (got) {
        var index = got[0];
        var pages = got[1].map(function (r) { return r.url; }).filter(function (u) {
          var p = u.slice(scope.length);
          return u.indexOf(scope) === 0 && /^(es|en)(\/|$)/.test(p) && !/offline\.html$/.test(p) && !/\.[a-z]+$/.test(p);
        });
        pages.sort(function (a, b) { return ((index[b] || [0, 0])[1]) - ((index[a] || [0, 0])[1]); });
        return Promise.all(pages.slice(0, 40).map(function (u) {
          return cache.match(u).then(function (r) { return r.text(); }).then(function (html) {
            var title = new DOMParser().parseFromString(html, 'text/html').title;
            return { url: u, title: title };
          });
        }));
      });
  }).then(function (items) { fill($('offline-visited'), items); }, function () { fill($('offline-visited'), []); });
})();
