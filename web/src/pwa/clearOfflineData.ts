import { RUNTIME_CACHE_NAMES } from './cacheNames';

/**
 * Deletes everything the service worker saved for the signed-in user, so the next person on this browser
 * sees nothing of theirs, even offline. Never throws: logging out must not fail because of the cache.
 */
export async function clearOfflineData(storage: CacheStorage | undefined = globalThis.caches): Promise<void> {
  if (!storage) return;
  try {
    await Promise.all(RUNTIME_CACHE_NAMES.map((name) => storage.delete(name)));
  } catch {
    // Storage unavailable (private mode, quota): nothing was saved there either.
  }
}
