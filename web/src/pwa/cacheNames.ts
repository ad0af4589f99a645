/**
 * The service worker's runtime caches. They hold one user's data (who they are, their conversations, the
 * first page of each thread they opened, images), so logging out deletes every one of them.
 * The precache (app shell only, no user data) is left alone.
 */
export const RUNTIME_CACHES = {
  api: 'echos-api',
  messages: 'echos-messages',
  images: 'echos-images',
} as const;

export const RUNTIME_CACHE_NAMES: readonly string[] = Object.values(RUNTIME_CACHES);
