/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa, injectManifest): the app works offline after the first visit.
// - Precached at install, each entry revisioned (hashed file names, or an md5 of the content for unhashed files
//   such as models/*.json|bin and index.html): the app shell, every JS chunk (each backend, so a GPU device works
//   offline too), the wasm binaries and the default model (Lightning). A changed file gets a new revision, so the
//   next version's install fetches it again: a model file is never served stale.
// - Thunder (12.5 MB, chosen by few) is not precached: it is cached the first time it is fetched, in a cache whose
//   name carries its files' revisions, so a changed Thunder file lands in a new cache and the old one is deleted.
// - A new version waits until the page asks it to take over (the "update available" prompt), so a set in progress
//   is never reloaded under the user.
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** Files listed in the manifest (for their revision) but fetched only when the app asks for them. */
const ON_DEMAND = /(^|\/)models\/movenet-thunder\.(json|bin)$/;
const ON_DEMAND_CACHE_PREFIX = 'models-on-demand-';

const entries = self.__WB_MANIFEST.map((e) => (typeof e === 'string' ? { url: e, revision: null } : e));
const onDemand = entries.filter((e) => ON_DEMAND.test(e.url));
const onDemandCache = `${ON_DEMAND_CACHE_PREFIX}${onDemand.map((e) => (e.revision ?? 'unrevisioned').slice(0, 12)).join('-')}`;

precacheAndRoute(entries.filter((e) => !ON_DEMAND.test(e.url)));
cleanupOutdatedCaches();
// Any navigation (with URL switches such as ?backend=wasm) gets the precached page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && ON_DEMAND.test(url.pathname),
  new CacheFirst({ cacheName: onDemandCache, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith(ON_DEMAND_CACHE_PREFIX) && k !== onDemandCache).map((k) => caches.delete(k)),
  )));
});

// Sent by the page when the user accepts the update (workbox-window's messageSkipWaiting).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
