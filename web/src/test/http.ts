import { vi } from 'vitest';
import type { User } from '../lib/types';

export const ada: User = {
  id: 1,
  email: 'ada@example.com',
  fullName: 'Ada Lovelace',
  bio: 'First programmer.',
  avatarUrl: null,
  createdAt: '2024-03-05T10:15:30Z',
};

export function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
  return json(status, { error: { code, message, ...(fields ? { fields } : {}) } });
}

type Route = Response | Error | (() => Response | Promise<Response>);

/**
 * Stubs global fetch. Routes are keyed "METHOD /path"; each route may be a list
 * (consumed in order). Unknown routes fail the test loudly.
 */
export function stubFetch(routes: Record<string, Route | Route[]>) {
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]));
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    const queue = queues.get(key);
    if (!queue || queue.length === 0) throw new Error(`Unexpected fetch: ${key}`);
    const route = queue.length > 1 ? queue.shift()! : queue[0];
    if (route instanceof Error) throw route;
    return typeof route === 'function' ? route() : route.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A promise you resolve by hand, to observe loading states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
