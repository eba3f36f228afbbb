// Registers the service worker (src/pwa/service-worker.ts) and tells the UI when a new version is waiting and when
// the app is ready to work offline. A browser without service workers simply runs online, as before.
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerEvents {
  /** A new version is installed and waits; call the returned `activate` to switch to it (the page reloads). */
  updateReady(): void;
  /** The first install finished: everything the app needs is cached. */
  offlineReady(): void;
}

/** Returns `activate`: switches to the waiting version and reloads the page. */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  if (!('serviceWorker' in navigator)) return async () => undefined;
  const update = registerSW({
    onNeedRefresh: () => events.updateReady(),
    onOfflineReady: () => events.offlineReady(),
    onRegisterError: (e: unknown) => console.warn('The app could not be made available offline:', e),
  });
  return () => update(true);
}
