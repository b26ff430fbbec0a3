/*
 * The service worker that keeps the auditor's checklist open without a connection. It keeps:
 * - the app's assets (content-hashed, so cache-first is always right), fetched at install;
 * - the auditor's list and the checklists it opened, network-first: fresh when online, the last
 *   copy when not. Nothing else of /app/ is kept, and the pages are dropped at the sign-in page
 *   (after signing out or when a session ended), since they hold personal data.
 * Answers and photos do not pass through here: the page queues them in IndexedDB and sends them
 * itself (auditor.js), so a queued item survives a closed tab and a restarted phone.
 */
'use strict';
var CACHE = 'keurmerk-auditor-' + VERSION;
var PAGES = 'keurmerk-auditor-pages';
var KEPT_PAGE = /^\/app\/keuringen(\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(ASSETS);
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(
          keys
            .filter(function (key) {
              return key.indexOf('keurmerk-auditor-') === 0 && key !== CACHE && key !== PAGES;
            })
            .map(function (key) {
              return caches.delete(key);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function keepable(response) {
  return (
    response &&
    response.ok &&
    response.type === 'basic' &&
    !response.redirected &&
    (response.headers.get('Content-Type') || '').indexOf('text/html') === 0
  );
}

function keep(path, response) {
  return caches.open(PAGES).then(function (cache) {
    return cache.put(path, response);
  });
}

function offlinePage() {
  var body =
    '<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Geen verbinding · Keurmerk</title><body><main><h1>Geen verbinding</h1><p>Deze pagina is nog niet op dit toestel bewaard. ' +
    'Open de keuring opnieuw zodra u verbinding heeft.</p>' +
    '<h2 lang="en">No connection</h2><p lang="en">This page has not been kept on this device yet. Open the inspection again once you ' +
    'have a connection.</p>' +
    '<p><a href="/app/keuringen">Keuringen / Inspections</a></p></main></body></html>';
  return new Response(body, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

function networkFirst(request, path) {
  return fetch(request)
    .then(function (response) {
      if (keepable(response)) {
        var copy = response.clone();
        keep(path, copy).catch(function () {});
      }
      return response;
    })
    .catch(function () {
      return caches
        .open(PAGES)
        .then(function (cache) {
          return cache.match(path);
        })
        .then(function (kept) {
          return kept || offlinePage();
        });
    });
}

function cacheFirst(request) {
  return caches.match(request).then(function (hit) {
    return (
      hit ||
      fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) {
            return cache.put(request, copy);
          });
        }
        return response;
      })
    );
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== 'GET') return;
  if (url.pathname.indexOf('/app/assets/') === 0) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode !== 'navigate') return;
  if (url.pathname === '/app/inloggen') {
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (KEPT_PAGE.test(url.pathname)) event.respondWith(networkFirst(request, url.pathname));
});

// A page opened before this worker controlled it asks to be kept; the answer says whether it is.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'remember' || !Array.isArray(data.paths)) return;
  var paths = data.paths.filter(function (path) {
    return KEPT_PAGE.test(path);
  });
  var port = event.ports && event.ports[0];
  event.waitUntil(
    caches
      .open(PAGES)
      .then(function (cache) {
        return Promise.all(
          paths.map(function (path) {
            return cache.match(path).then(function (kept) {
              if (kept) return true;
              return fetch(path, { credentials: 'same-origin' })
                .then(function (response) {
                  if (!keepable(response)) return false;
                  return cache.put(path, response).then(function () {
                    return true;
                  });
                })
                .catch(function () {
                  return false;
                });
            });
          }),
        );
      })
      .then(function (kept) {
        if (port) port.postMessage({ remembered: kept.every(Boolean) });
      }),
  );
});
