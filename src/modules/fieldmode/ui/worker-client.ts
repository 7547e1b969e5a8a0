/**
 * The page's side of the service worker (public/sw.js): registers it, gives it the shell to keep (this
 * page and every script and style it loaded: the build's file names are known only here), and asks for
 * a Background Sync where the browser has one. The page syncs on its own too (online, focus, interval):
 * Background Sync is a bonus, never relied on (Safari has none).
 */
const TAG = 'virage-field-sync';

export async function startWorker(onSyncAsked: () => void): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/sw.js');
    navigator.serviceWorker.addEventListener('message', (event) => {
      if ((event.data as { type?: string } | null)?.type === 'sync') onSyncAsked();
    });
    const ready = await navigator.serviceWorker.ready;
    const own = (href: string) => new URL(href, location.href).origin === location.origin;
    const urls = [
      location.pathname,
      ...performance.getEntriesByType('resource').map((e) => e.name),
      ...[...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload], link[rel=stylesheet]')].map(
        (l) => l.href,
      ),
      ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
    ].filter(
      (u) => own(u) && (u === location.pathname || new URL(u, location.href).pathname.startsWith('/assets/')),
    );
    ready.active?.postMessage({ type: 'precache', urls: [...new Set(urls)] });
  } catch {
    // No service worker (a private window, an old browser): field mode works while the page is open.
  }
}

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

export async function askBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as SyncRegistration | undefined;
  await registration?.sync?.register(TAG).catch(() => undefined);
}
