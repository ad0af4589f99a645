import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, deferred, json, stubFetch } from '../test/http';
import { hitLink, useSearch } from './searchStore';
import { hit } from './testHits';

const st = () => useSearch.getState();


beforeEach(() => {
  useSearch.setState({ open: false, conversationId: null, query: '', searched: null, hits: [], nextCursor: null, loading: false, error: null });
});

describe('search store', () => {
  it('searches, shows loading, then the hits and the cursor', async () => {
    const answer = deferred<Response>();
    stubFetch({ 'GET /api/search/messages?q=rocket&limit=20': () => answer.promise });
    st().openSearch();
    st().setQuery('  rocket ');
    const done = st().search();
    expect(st().loading).toBe(true);
    answer.resolve(json(200, { hits: [hit(1)], nextCursor: 'abc' }));
    await done;
    expect(st().loading).toBe(false);
    expect(st().searched).toBe('rocket');
    expect(st().hits.map((h) => h.seq)).toEqual([1]);
    expect(st().nextCursor).toBe('abc');
  });

  it('asks for the next page with the cursor and appends it without repeating a hit', async () => {
    stubFetch({
      'GET /api/search/messages?q=rocket&limit=20': json(200, { hits: [hit(3), hit(2)], nextCursor: 'p2' }),
      'GET /api/search/messages?q=rocket&cursor=p2&limit=20': json(200, { hits: [hit(2), hit(1)], nextCursor: null }),
    });
    st().setQuery('rocket');
    await st().search();
    await st().more();
    expect(st().hits.map((h) => h.seq)).toEqual([3, 2, 1]);
    expect(st().nextCursor).toBeNull();
  });

  it('searches in one conversation and everywhere again', async () => {
    const fetchMock = stubFetch({
      'GET /api/search/messages?q=rocket&conversationId=c9&limit=20': json(200, { hits: [hit(1, { conversationId: 'c9' })], nextCursor: null }),
      'GET /api/search/messages?q=rocket&limit=20': json(200, { hits: [], nextCursor: null }),
    });
    st().openSearch('c9');
    expect(st().conversationId).toBe('c9');
    st().setQuery('rocket');
    await st().search();
    expect(st().hits).toHaveLength(1);
    st().clearScope();
    await new Promise((r) => setTimeout(r, 0));
    expect(st().conversationId).toBeNull();
    expect(st().hits).toHaveLength(0);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('keeps the server error message and does not search a blank query', async () => {
    const fetchMock = stubFetch({
      'GET /api/search/messages?q=x&limit=20': apiError(429, 'rate_limited', 'You are searching too fast. Try again in 1 s.'),
    });
    st().setQuery('   ');
    await st().search();
    expect(fetchMock).not.toHaveBeenCalled();
    st().setQuery('x');
    await st().search();
    expect(st().error).toBe('You are searching too fast. Try again in 1 s.');
    expect(st().loading).toBe(false);
  });

  it('drops the answer of a search the user closed', async () => {
    const answer = deferred<Response>();
    stubFetch({ 'GET /api/search/messages?q=rocket&limit=20': () => answer.promise });
    st().openSearch();
    st().setQuery('rocket');
    const done = st().search();
    st().close();
    answer.resolve(json(200, { hits: [hit(1)], nextCursor: null }));
    await done;
    expect(st().hits).toEqual([]);
  });

  it('links a hit to its conversation at its seq', () => {
    expect(hitLink({ conversationId: 'a b', seq: 42 })).toBe('/c/a%20b?at=42');
  });
});
