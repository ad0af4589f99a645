import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../lib/chatTypes';
import { useAuth } from '../store/auth';
import { badgeTotal, isMuted, nextMuteExpiry, useConversations } from '../store/conversations';
import { adaMember, bob, cat, conversation, group, message } from '../test/chat';
import { ada, apiError, deferred, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

const HOUR = 3_600_000;

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

afterEach(() => {
  vi.useRealTimers();
});

const direct = (extra: Partial<Conversation> = {}) =>
  conversation('a', {
    lastSeq: 3,
    lastReadSeq: 1,
    unreadCount: 2,
    lastMessage: message('a', 3, '2', { text: 'are you there?' }),
    lastActivityAt: '2026-11-26T12:03:00.000Z',
    ...extra,
  });

const team = (extra: Partial<Conversation> = {}) =>
  group('g', {
    lastSeq: 5,
    lastReadSeq: 2,
    unreadCount: 3,
    lastMessage: message('g', 5, '3', { text: 'team news' }),
    lastActivityAt: '2026-11-26T12:05:00.000Z',
    members: [adaMember({ role: 'owner' }), bob(), cat()],
    ...extra,
  });

const inAnHour = () => new Date(Date.now() + HOUR).toISOString();

function item(id: string) {
  return screen.getAllByTestId('conversation-item').find((i) => i.getAttribute('data-conversation-id') === id)!;
}

describe('mute: what counts as muted', () => {
  it('is muted for good, or until a time still ahead; a mute that ran out is not', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(isMuted({ mutedForever: true, mutedUntil: null }, now)).toBe(true);
    expect(isMuted({ mutedUntil: '2026-12-01T10:00:01Z' }, now)).toBe(true);
    expect(isMuted({ mutedUntil: '2026-12-01T09:59:59Z' }, now)).toBe(false);
    expect(isMuted({ mutedUntil: null, mutedForever: false }, now)).toBe(false);
    expect(isMuted({}, now)).toBe(false);
  });

  it('leaves muted conversations out of the badge total and finds the next expiry', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    const byId = {
      a: direct({ mutedUntil: '2026-12-01T11:00:00Z' }),
      g: team(),
      h: group('h', { unreadCount: 4, mutedForever: true }),
      old: group('old', { unreadCount: 1, mutedUntil: '2026-12-01T09:00:00Z' }),
    };
    expect(badgeTotal(byId, now)).toBe(3 + 1);
    expect(nextMuteExpiry(byId, now)).toBe(Date.parse('2026-12-01T11:00:00Z'));
    expect(nextMuteExpiry({ g: team() }, now)).toBeNull();
  });

  it('moves muteClock when a timed mute runs out, so the badge counts it again', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00Z') });
    useConversations.getState().upsert(direct({ mutedUntil: '2026-12-01T11:00:00Z' }));
    const before = useConversations.getState().muteClock;
    expect(badgeTotal(useConversations.getState().byId)).toBe(0);
    vi.advanceTimersByTime(HOUR - 1);
    expect(useConversations.getState().muteClock).toBe(before);
    vi.advanceTimersByTime(1);
    expect(useConversations.getState().muteClock).toBe(Date.parse('2026-12-01T11:00:00Z'));
    expect(badgeTotal(useConversations.getState().byId)).toBe(2);
  });
});

describe('mute in the chat', () => {
  it('a muted conversation keeps its own dimmed count and icon but is left out of the tab title', async () => {
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [direct({ mutedForever: true }), team()] }) });
    renderApp('/');
    await screen.findAllByTestId('conversation-item');
    await waitFor(() => expect(document.title).toBe('(3) Echos'));
    expect(within(item('a')).getByTestId('muted-icon')).toHaveAccessibleName('Muted');
    expect(within(item('a')).getByTestId('unread-badge')).toHaveTextContent('2');
    expect(within(item('a')).getByTestId('unread-badge')).toHaveAccessibleName('2 unread, muted');
    expect(within(item('a')).getByTestId('unread-badge')).not.toHaveClass('badge-primary');
    expect(within(item('g')).queryByTestId('muted-icon')).not.toBeInTheDocument();
    expect(within(item('g')).getByTestId('unread-badge')).toHaveClass('badge-primary');
  });

  it('the badge comes back when a timed mute runs out', async () => {
    stubFetch({
      'GET /api/conversations': json(200, {
        conversations: [direct({ mutedUntil: new Date(Date.now() + 800).toISOString() }), team()],
      }),
    });
    renderApp('/');
    await screen.findAllByTestId('conversation-item');
    await waitFor(() => expect(document.title).toBe('(3) Echos'));
    expect(within(item('a')).getByTestId('muted-icon')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('(5) Echos'), { timeout: 2000 });
    expect(within(item('a')).queryByTestId('muted-icon')).not.toBeInTheDocument();
  });

  it('mutes from the thread header for 8 hours, then unmutes', async () => {
    const put = deferred<Response>();
    const fetchMock = stubFetch({
      'GET /api/conversations': json(200, { conversations: [direct(), team()] }),
      'GET /api/conversations/g/messages?limit=50': json(200, { messages: [], nextBefore: null }),
      'PUT /api/conversations/g/mute': () => put.promise,
      'DELETE /api/conversations/g/mute': json(200, { conversation: team({ mutedUntil: null, mutedForever: false }) }),
    });
    const { user } = renderApp('/c/g');
    const bell = await screen.findByTestId('mute-button');
    expect(bell).toHaveAttribute('data-muted', 'false');
    await user.click(bell);
    expect(screen.queryByTestId('unmute')).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Mute for 8 hours' }));
    expect(screen.getByTestId('mute-button')).toBeDisabled();
    const call = fetchMock.mock.calls.find(([u, i]) => String(u) === '/api/conversations/g/mute' && i?.method === 'PUT')!;
    expect(JSON.parse(String(call[1]!.body))).toEqual({ duration: '8h' });

    await act(async () => put.resolve(json(200, { conversation: team({ mutedUntil: new Date(Date.now() + 8 * HOUR).toISOString() }) })));
    await waitFor(() => expect(screen.getByTestId('mute-button')).toHaveAttribute('data-muted', 'true'));
    expect(await screen.findByText('Muted for 8 hours')).toBeInTheDocument();
    expect(within(item('g')).getByTestId('muted-icon')).toBeInTheDocument();
    // Ada's own 2 unread in the direct chat; the open group is read and muted anyway.
    await waitFor(() => expect(document.title).toBe('(2) Echos'));

    await user.click(screen.getByTestId('mute-button'));
    expect(screen.getByTestId('muted-until')).toHaveTextContent(/^Muted until /);
    await user.click(screen.getByTestId('unmute'));
    await waitFor(() => expect(screen.getByTestId('mute-button')).toHaveAttribute('data-muted', 'false'));
    expect(within(item('g')).queryByTestId('muted-icon')).not.toBeInTheDocument();
  });

  it('a refused mute is a toast and changes nothing', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [direct()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, { messages: [], nextBefore: null }),
      'PUT /api/conversations/a/mute': apiError(429, 'rate_limited', 'Slow down a little.'),
    });
    const { user } = renderApp('/c/a');
    await user.click(await screen.findByTestId('mute-button'));
    await user.click(screen.getByTestId('mute-always'));
    expect(await screen.findByText('Slow down a little.')).toBeInTheDocument();
    expect(screen.getByTestId('mute-button')).toHaveAttribute('data-muted', 'false');
    expect(screen.getByTestId('mute-button')).not.toBeDisabled();
    expect(useConversations.getState().muteForm.error?.code).toBe('rate_limited');
  });

  it('a mute from another tab (conversation.updated) shows here too', async () => {
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [direct(), team()] }) });
    renderApp('/');
    await screen.findAllByTestId('conversation-item');
    await waitFor(() => expect(document.title).toBe('(5) Echos'));
    act(() => useConversations.getState().upsert(direct({ mutedUntil: inAnHour() })));
    await waitFor(() => expect(document.title).toBe('(3) Echos'));
  });
});
