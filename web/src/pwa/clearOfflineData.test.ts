import { describe, expect, it, vi } from 'vitest';
import { RUNTIME_CACHE_NAMES } from './cacheNames';
import { clearOfflineData } from './clearOfflineData';

function fakeCaches(names: string[]) {
  const stored = new Set(names);
  const storage = {
    delete: vi.fn(async (name: string) => stored.delete(name)),
  } as unknown as CacheStorage;
  return { storage, stored };
}

describe('clearOfflineData', () => {
  it("deletes every runtime cache holding the user's data and keeps the app shell precache", async () => {
    const precache = 'workbox-precache-v2-http://localhost/';
    const { storage, stored } = fakeCaches([...RUNTIME_CACHE_NAMES, precache]);
    await clearOfflineData(storage);
    expect([...stored]).toEqual([precache]);
    expect(RUNTIME_CACHE_NAMES).toEqual(expect.arrayContaining(['echos-api', 'echos-messages', 'echos-images']));
  });

  it('never fails, with no Cache Storage or when it throws', async () => {
    await expect(clearOfflineData(undefined)).resolves.toBeUndefined();
    const broken = { delete: vi.fn().mockRejectedValue(new Error('SecurityError')) } as unknown as CacheStorage;
    await expect(clearOfflineData(broken)).resolves.toBeUndefined();
  });
});
