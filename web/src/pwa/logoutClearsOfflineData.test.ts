import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../store/auth';
import { ada, apiError, json, stubFetch } from '../test/http';
import { RUNTIME_CACHE_NAMES } from './cacheNames';

let stored: Set<string>;

beforeEach(() => {
  stored = new Set([...RUNTIME_CACHE_NAMES, 'workbox-precache-v2']);
  vi.stubGlobal('caches', { delete: vi.fn(async (name: string) => stored.delete(name)) });
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

describe("the signed-in user's offline data", () => {
  it('is deleted on logout, before the app shows the logged-out state', async () => {
    stubFetch({ 'POST /api/auth/logout': json(204) });
    await useAuth.getState().logout();
    expect(useAuth.getState().user).toBeNull();
    expect([...stored]).toEqual(['workbox-precache-v2']);
  });

  it('is deleted when the server says the session was already over', async () => {
    stubFetch({ 'POST /api/auth/logout': apiError(401, 'unauthenticated', 'Log in') });
    await useAuth.getState().logout();
    expect([...stored]).toEqual(['workbox-precache-v2']);
  });

  it('is deleted when the app starts logged out', async () => {
    useAuth.setState({ user: null });
    stubFetch({ 'GET /api/auth/me': apiError(401, 'unauthenticated', 'Log in') });
    await useAuth.getState().checkAuth();
    expect([...stored]).toEqual(['workbox-precache-v2']);
  });

  it('is kept when logout could not reach the server (still logged in there)', async () => {
    stubFetch({ 'POST /api/auth/logout': new TypeError('Failed to fetch') });
    await useAuth.getState().logout();
    expect(useAuth.getState().user).toEqual(ada);
    expect(stored.size).toBe(RUNTIME_CACHE_NAMES.length + 1);
  });
});
