// Virage's service worker (field mode, decision 39): keeps the shell and the field page so that they
// open with no network, and relays Background Sync to the open pages, which do the syncing.
const CACHE = 'virage-field-shell';
/** Pages that open offline: the latest copy the expert loaded online. */
const PAGES = ['/field'];
const STATIC = [
  '/manifest.webmanifest',
  '/favicon.svg',
  '/icons/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
];

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(STATIC)));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page tells which build files it runs on (their names change with each build).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'precache') return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        event.data.urls.map((url) =>
          fetch(url, { credentials: 'same-origin' })
            .then((response) => (response.ok && !response.redirected ? cache.put(url, response) : undefined))
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && PAGES.includes(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (url.pathname.startsWith('/assets/') || STATIC.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/** The page from the network (and kept), else the copy kept: a signed-out page is never kept. */
async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await (await caches.open(CACHE)).put(key, response.clone());
    return response;
  } catch {
    return (await caches.match(key)) ?? Response.error();
  }
}

/** Build files never change under the same name: the kept copy, else the network (and kept). */
async function cacheFirst(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('sync', (event) => {
  if (event.tag !== 'virage-field-sync') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'sync' });
    }),
  );
});
