import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adaMember, bob, conversation, group, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { ada, json, stubFetch } from '../test/http';
import { useAuth } from './auth';
import { useConversations } from './conversations';
import { emptyThread, useMessages } from './messages';
import { KEPT_DRAFTS_KEY } from './keptDrafts';
import { DELIVERED_DELAY_MS, GAP_WAIT_MS, ensureChatStarted, handleFrame, startRealtime, stopRealtime, useConnection } from './realtime';
import { useToasts } from './toast';
import { useTyping } from './typing';
import { useUi } from './ui';

const conv = () => useConversations.getState();

function connect() {
  startRealtime();
  const ws = FakeWebSocket.last();
  ws.open();
  return ws;
}

beforeEach(() => {
  vi.useFakeTimers();
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('realtime', () => {
  it('loads the list first, then connects and syncs from its positions', async () => {
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [conversation('a', { lastSeq: 4, lastChange: 2 })] }) });
    ensureChatStarted();
    ensureChatStarted(); // idempotent
    expect(FakeWebSocket.instances).toHaveLength(0);
    await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    expect(useConnection.getState().state).toBe('connecting');
    FakeWebSocket.last().open();
    expect(useConnection.getState().state).toBe('open');
    expect(FakeWebSocket.last().frames('sync')[0].data).toEqual({ positions: { a: { seq: 4, change: 2 } } });
  });

  it('reloads the list after a reconnect (conversations may have changed meanwhile)', async () => {
    const fetchMock = stubFetch({ 'GET /api/conversations': json(200, { conversations: [] }) });
    const ws = connect();
    expect(fetchMock).toHaveBeenCalledTimes(1); // the list was not loaded yet
    await vi.waitFor(() => expect(conv().list.loaded).toBe(true));
    ws.serverClose();
    expect(useConnection.getState().state).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    FakeWebSocket.last().open();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('sends `delivered` for messages to a conversation that is not on screen', () => {
    conv().upsert(conversation('a', { lastSeq: 1 }));
    conv().upsert(conversation('b', { lastSeq: 1 }));
    useUi.getState().select('b');
    const ws = connect();
    ws.receive({ type: 'message.new', data: { message: message('a', 2, '2') } });
    ws.receive({ type: 'message.new', data: { message: message('a', 3, '2') } });
    ws.receive({ type: 'message.new', data: { message: message('b', 2, '2') } });
    expect(ws.frames('delivered')).toEqual([]);
    vi.advanceTimersByTime(DELIVERED_DELAY_MS);
    // Coalesced to the newest seq; nothing for the open thread (it sends `read`).
    expect(ws.frames('delivered')).toEqual([{ type: 'delivered', data: { conversationId: 'a', seq: 3 } }]);
    expect(conv().byId.a.unreadCount).toBe(2);
    expect(conv().byId.b.unreadCount).toBe(0);
  });

  it('after sync.done, reports delivery of what arrived while away', () => {
    conv().upsert(conversation('a', { lastSeq: 5, members: [adaMember({ deliveredSeq: 3, readSeq: 3 }), bob()] }));
    conv().upsert(conversation('b', { lastSeq: 2 }));
    const ws = connect();
    ws.receive({ type: 'sync.done', data: { positions: { a: 5, b: 2 } } });
    vi.advanceTimersByTime(DELIVERED_DELAY_MS);
    expect(ws.frames('delivered')).toEqual([{ type: 'delivered', data: { conversationId: 'a', seq: 5 } }]);
  });

  it('drops a message delivered both live and through sync', () => {
    conv().upsert(conversation('a', { lastSeq: 1, lastReadSeq: 1 }));
    const ws = connect();
    ws.receive({ type: 'message.new', data: { message: message('a', 2, '2') } });
    ws.receive({ type: 'message.new', data: { message: message('a', 2, '2') } });
    expect(useMessages.getState().threads.a.messages).toHaveLength(1);
    expect(conv().byId.a.unreadCount).toBe(1);
  });

  describe('a hole in what arrived live', () => {
    function openThread() {
      conv().upsert(conversation('a', { lastSeq: 1, lastReadSeq: 1 }));
      useMessages.setState({ threads: { a: { ...emptyThread, loaded: true, messages: [message('a', 1, '2')], syncedSeq: 1 } } });
      const ws = connect();
      ws.receive({ type: 'sync.done', ref: ws.frames('sync')[0].ref, data: { positions: { a: 1 }, changes: { a: 0 }, more: false } });
      return ws;
    }

    it('asks sync for a message that never arrived, from the last gap-free position', () => {
      const ws = openThread();
      const syncs = ws.frames('sync').length;
      ws.receive({ type: 'message.new', data: { message: message('a', 3, '2') } }); // seq 2 was lost
      vi.advanceTimersByTime(GAP_WAIT_MS - 1);
      expect(ws.frames('sync')).toHaveLength(syncs);
      vi.advanceTimersByTime(1);
      expect(ws.frames('sync')).toHaveLength(syncs + 1);
      expect(ws.frames('sync')[syncs].data).toEqual({ positions: { a: { seq: 1, change: 0 } } });
    });

    it('does not sync when the hole fills by itself (concurrent sends arrive out of order)', () => {
      const ws = openThread();
      const syncs = ws.frames('sync').length;
      ws.receive({ type: 'message.new', data: { message: message('a', 3, '2') } });
      ws.receive({ type: 'message.new', data: { message: message('a', 2, '2') } });
      vi.advanceTimersByTime(GAP_WAIT_MS * 3);
      expect(ws.frames('sync')).toHaveLength(syncs);
    });

    it('syncs at once when the server says it may have missed broadcasts', () => {
      const ws = openThread();
      const syncs = ws.frames('sync').length;
      ws.receive({ type: 'sync.needed', data: {} });
      expect(ws.frames('sync')).toHaveLength(syncs + 1);
    });
  });

  it('fetches a conversation it does not know when a message for it arrives', async () => {
    const fetchMock = stubFetch({ 'GET /api/conversations/new1': json(200, { conversation: group('new1', { lastSeq: 1 }) }) });
    handleFrame({ type: 'message.new', data: { message: message('new1', 1, '2') } });
    handleFrame({ type: 'message.new', data: { message: message('new1', 2, '2') } });
    await vi.waitFor(() => expect(conv().byId.new1).toBeDefined());
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('applies conversation.updated and conversation.removed', () => {
    handleFrame({ type: 'conversation.updated', data: { conversation: group('g') } });
    expect(conv().ids).toEqual(['g']);
    handleFrame({ type: 'conversation.updated', data: { conversation: group('g', { name: 'Renamed' }) } });
    expect(conv().byId.g.name).toBe('Renamed');
    handleFrame({ type: 'conversation.removed', data: { conversationId: 'g' } });
    expect(conv().ids).toEqual([]);
    expect(useToasts.getState().toasts[0].message).toBe('You are no longer a member of Renamed');
  });

  it('shows others typing, ignores my own typing, and a message ends it', () => {
    conv().upsert(conversation('a'));
    handleFrame({ type: 'typing', data: { conversationId: 'a', userId: '2' } });
    handleFrame({ type: 'typing', data: { conversationId: 'a', userId: ME } });
    expect(useTyping.getState().byConversation.a).toEqual(['2']);
    handleFrame({ type: 'message.new', data: { message: message('a', 1, '2') } });
    expect(useTyping.getState().byConversation.a).toBeUndefined();
  });

  it('applies receipts to the members', () => {
    conv().upsert(conversation('a', { lastSeq: 3 }));
    handleFrame({ type: 'receipt', data: { conversationId: 'a', userId: '2', deliveredSeq: 3, readSeq: 2 } });
    expect(conv().byId.a.members.find((m) => m.id === '2')).toMatchObject({ deliveredSeq: 3, readSeq: 2 });
  });

  describe('when the server ends the session under the socket', () => {
    beforeEach(() => localStorage.removeItem(KEPT_DRAFTS_KEY));

    it('on 4401 goes to the login page and sends the unsent messages again once the same user is back', () => {
      conv().upsert(conversation('a', { lastSeq: 1 }));
      const ws = connect();
      const typed = useMessages.getState().send('a', 'written before expiry');
      expect(typed).not.toBeNull();
      ws.serverClose(4401);
      expect(useAuth.getState().user).toBeNull();
      vi.advanceTimersByTime(60_000);
      expect(FakeWebSocket.instances).toHaveLength(1); // no reconnect loop
      stopRealtime(); // the chat unmounts on logout: every chat store is reset

      useAuth.setState({ user: ada });
      conv().upsert(conversation('a', { lastSeq: 1 }));
      const again = connect();
      expect(again.frames('message.send').map((f) => f.data)).toEqual([
        { conversationId: 'a', clientId: typed!.clientId, text: 'written before expiry' },
      ]);
      expect(useMessages.getState().threads.a.pending.map((p) => p.text)).toEqual(['written before expiry']);
      expect(localStorage.getItem(KEPT_DRAFTS_KEY)).toBeNull();
    });

    it('on 4403 (revoked) keeps them too, but never hands them to another user', () => {
      conv().upsert(conversation('a', { lastSeq: 1 }));
      const ws = connect();
      useMessages.getState().send('a', 'private words');
      ws.serverClose(4403);
      expect(useAuth.getState().user).toBeNull();
      stopRealtime();

      useAuth.setState({ user: { ...ada, id: 'someone-else' } });
      const other = connect();
      expect(other.frames('message.send')).toEqual([]);
      expect(localStorage.getItem(KEPT_DRAFTS_KEY)).toBeNull();
    });

    it('on 4029 (too many tabs) stays logged in, stops reconnecting and says why', () => {
      const ws = connect();
      ws.serverClose(4029);
      expect(useAuth.getState().user).not.toBeNull();
      expect(useToasts.getState().toasts.map((t) => t.message).join()).toMatch(/too many tabs/);
      vi.advanceTimersByTime(60_000);
      expect(FakeWebSocket.instances).toHaveLength(1);
    });
  });
});
