import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuth } from '../store/auth';
import { useConversations } from '../store/conversations';
import { adaMember, bob, conversation } from '../test/chat';
import { ada, json, stubFetch } from '../test/http';
import { hit } from './testHits';
import { SearchPanel } from './SearchPanel';
import { useSearch } from './searchStore';

function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname + l.search}</p>;
}

function renderPanel() {
  const user = userEvent.setup();
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
      <SearchPanel />
    </MemoryRouter>,
  );
  return user;
}

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
  const c1 = conversation('c1', { name: 'Bob Stone', members: [adaMember(), bob()] });
  useConversations.setState({ byId: { c1 }, ids: ['c1'] });
  useSearch.setState({ open: false, conversationId: null, query: '', searched: null, hits: [], nextCursor: null, loading: false, error: null });
});

describe('SearchPanel', () => {
  it('shows hits with the terms marked as elements, never as HTML, and opens the conversation at the message', async () => {
    stubFetch({
      'GET /api/search/messages?q=rocket&limit=20': json(200, {
        hits: [hit(7, { snippet: '<img src=x onerror=alert(1)> Rocket at 9', highlights: [{ start: 29, length: 6 }] })],
        nextCursor: null,
      }),
    });
    useSearch.getState().openSearch();
    const user = renderPanel();
    await user.type(screen.getByTestId('search-input'), 'rocket{Enter}');
    const row = await screen.findByTestId('search-hit');
    expect(within(row).getByTestId('search-hit-conversation').textContent).toBe('Bob Stone');
    expect(row.textContent).toContain('Bob Stone:');
    const snippet = within(row).getByTestId('search-hit-snippet');
    expect(snippet.textContent).toBe('<img src=x onerror=alert(1)> Rocket at 9');
    expect(snippet.querySelector('img')).toBeNull();
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Rocket']);
    expect(row.getAttribute('href')).toBe('/c/c1?at=7');
    await user.click(row);
    expect(screen.getByTestId('where').textContent).toBe('/c/c1?at=7');
    expect(screen.queryByTestId('search-panel')).toBeNull();
  });

  it('pages with More results and says when nothing matches', async () => {
    stubFetch({
      'GET /api/search/messages?q=rocket&limit=20': json(200, { hits: [hit(2)], nextCursor: 'next' }),
      'GET /api/search/messages?q=rocket&cursor=next&limit=20': json(200, { hits: [hit(1, { senderId: '1' })], nextCursor: null }),
      'GET /api/search/messages?q=nothing&limit=20': json(200, { hits: [], nextCursor: null }),
    });
    useSearch.getState().openSearch();
    const user = renderPanel();
    await user.type(screen.getByTestId('search-input'), 'rocket{Enter}');
    await user.click(await screen.findByTestId('search-more'));
    await screen.findByText('You:');
    expect(screen.getAllByTestId('search-hit')).toHaveLength(2);
    expect(screen.queryByTestId('search-more')).toBeNull();
    await user.clear(screen.getByTestId('search-input'));
    await user.type(screen.getByTestId('search-input'), 'nothing{Enter}');
    expect((await screen.findByTestId('search-empty')).textContent).toContain('nothing');
  });

  it('searches in this conversation until told to search everywhere', async () => {
    stubFetch({
      'GET /api/search/messages?q=rocket&conversationId=c1&limit=20': json(200, { hits: [hit(1)], nextCursor: null }),
      'GET /api/search/messages?q=rocket&limit=20': json(200, { hits: [hit(1), hit(2, { conversationId: 'gone' })], nextCursor: null }),
    });
    useSearch.getState().openSearch('c1');
    const user = renderPanel();
    expect(screen.getByTestId('search-scope').textContent).toBe('In: Bob Stone');
    await user.type(screen.getByTestId('search-input'), 'rocket{Enter}');
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(1);
    await user.click(screen.getByTestId('search-everywhere'));
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(2);
    expect(screen.queryByTestId('search-scope')).toBeNull();
  });
});
