import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGE_MAX } from '../lib/chatTypes';
import { conversation, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { ada, json, stubFetch } from '../test/http';
import { useAuth } from './auth';
import { useConversations } from './conversations';
import { advanceSynced, mergeMessages, useMessages } from './messages';
import { handleFrame, startRealtime, syncPositions } from './realtime';
import { useToasts } from './toast';

const msgs = () => useMessages.getState();
const seqs = (id: string) => msgs().threads[id].messages.map((m) => m.seq);

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

describe('message list helpers', () => {
  it('merges by seq without duplicates', () => {
    const { list, added } = mergeMessages([message('a', 2, '2'), message('a', 4, '2')], [
      message('a', 3, '2'),
      message('a', 4, '2'),
      message('a', 1, '2'),
    ]);
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(added).toBe(2);
  });

  it('advances the synced position only over a gap-free run', () => {
    const list = [5, 6, 7, 9].map((s) => message('a', s, '2'));
    expect(advanceSynced(list, 4)).toBe(7);
    expect(advanceSynced(list, 7)).toBe(7);
    expect(advanceSynced(list, 2)).toBe(2);
  });
});

describe('messages store', () => {
  it('loads the newest page, then older pages with ?before=', async () => {
    const fetchMock = stubFetch({
      'GET /api/conversations/a/messages?limit=50': json(200, {
        messages: [message('a', 100, '2'), message('a', 99, ME), message('a', 98, '2')],
        nextBefore: 98,
      }),
      'GET /api/conversations/a/messages?before=98&limit=50': json(200, {
        messages: [message('a', 97, '2'), message('a', 96, '2')],
        nextBefore: null,
      }),
    });
    const loading = msgs().loadLatest('a');
    expect(msgs().threads.a.loading).toBe(true);
    await loading;
    expect(seqs('a')).toEqual([98, 99, 100]);
    expect(msgs().threads.a).toMatchObject({ loaded: true, loading: false, nextBefore: 98, syncedSeq: 100 });

    await msgs().loadOlder('a');
    expect(seqs('a')).toEqual([96, 97, 98, 99, 100]);
    expect(msgs().threads.a.nextBefore).toBeNull();
    await msgs().loadOlder('a'); // nothing older: no request
    await msgs().loadLatest('a'); // already loaded: no request
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('adds a pending message, sends it through the outbox, and settles it on ack', () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('11111111-2222-4333-8444-555555555555');
    useConversations.getState().upsert(conversation('a', { lastSeq: 3 }));
    startRealtime();
    const ws = FakeWebSocket.last();
    ws.open();

    const p = msgs().send('a', '  hello  ')!;
    expect(p).toMatchObject({ clientId: '11111111-2222-4333-8444-555555555555', status: 'pending', text: '  hello  ' });
    expect(msgs().threads.a.pending).toHaveLength(1);
    expect(ws.frames('message.send')).toEqual([
      {
        type: 'message.send',
        ref: `send:${p.clientId}`,
        data: { conversationId: 'a', clientId: p.clientId, text: '  hello  ' },
      },
    ]);

    const stored = message('a', 4, ME, { clientId: p.clientId, text: '  hello  ' });
    ws.receive({ type: 'message.ack', ref: `send:${p.clientId}`, data: { clientId: p.clientId, message: stored } });
    expect(msgs().threads.a.pending).toEqual([]);
    expect(seqs('a')).toEqual([4]);
    expect(useConversations.getState().byId.a).toMatchObject({ lastSeq: 4, unreadCount: 0 });
  });

  it('rejects empty and over-long text', () => {
    expect(msgs().send('a', '   \n ')).toBeNull();
    expect(msgs().send('a', 'x'.repeat(MESSAGE_MAX + 1))).toBeNull();
    expect(msgs().send('a', '👋'.repeat(MESSAGE_MAX))).not.toBeNull(); // code points, like the server
  });

  it('keeps messages typed while offline and sends them after connecting', () => {
    vi.useFakeTimers();
    useConversations.getState().upsert(conversation('a'));
    startRealtime();
    const p = msgs().send('a', 'offline hello')!;
    const ws = FakeWebSocket.last();
    expect(ws.sent).toEqual([]);
    ws.open();
    expect(ws.frames('message.send').map((f) => f.data.clientId)).toEqual([p.clientId]);
    ws.serverClose();
    try {
      vi.advanceTimersByTime(10_000);
      FakeWebSocket.last().open();
      // Not acknowledged yet: sent again, same clientId.
      expect(FakeWebSocket.last().frames('message.send').map((f) => f.data.clientId)).toEqual([p.clientId]);
      expect(msgs().threads.a.pending[0].status).toBe('pending');
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks a refused message as failed and retries it with the same clientId', () => {
    useConversations.getState().upsert(conversation('a'));
    startRealtime();
    const ws = FakeWebSocket.last();
    ws.open();
    const p = msgs().send('a', 'too fast')!;
    handleFrame({ type: 'error', ref: `send:${p.clientId}`, data: { code: 'rate_limited', message: 'Slow down.' } });
    expect(msgs().threads.a.pending[0]).toMatchObject({ status: 'failed', error: 'Slow down.' });
    expect(useToasts.getState().toasts[0].message).toMatch(/Slow down/);

    msgs().retry('a', p.clientId);
    expect(msgs().threads.a.pending[0]).toMatchObject({ status: 'pending', error: null });
    expect(ws.frames('message.send').map((f) => f.data.clientId)).toEqual([p.clientId, p.clientId]);
  });

  it('a message from another tab of mine settles nothing and does not count as unread', () => {
    useConversations.getState().upsert(conversation('a', { lastSeq: 1 }));
    handleFrame({ type: 'message.new', data: { message: message('a', 2, ME) } });
    expect(useConversations.getState().byId.a).toMatchObject({ lastSeq: 2, unreadCount: 0 });
  });
});

describe('sync positions', () => {
  it('use the list position for threads never opened, and the gap-free position for loaded ones', async () => {
    useConversations.getState().upsert(conversation('a', { lastSeq: 12 }));
    useConversations.getState().upsert(conversation('b', { lastSeq: 5 }));
    stubFetch({
      'GET /api/conversations/b/messages?limit=50': json(200, {
        messages: [message('b', 5, '2'), message('b', 4, '2')],
        nextBefore: 4,
      }),
    });
    await msgs().loadLatest('b');
    expect(syncPositions()).toEqual({ a: 12, b: 5 });

    // 6 was missed (say the socket dropped) but 7 arrived: sync must still ask from 5.
    handleFrame({ type: 'message.new', data: { message: message('b', 7, '2') } });
    expect(syncPositions().b).toBe(5);
    handleFrame({ type: 'message.new', data: { message: message('b', 6, '2') } });
    expect(syncPositions().b).toBe(7);

    handleFrame({ type: 'message.new', data: { message: message('a', 13, '2') } });
    expect(syncPositions().a).toBe(13);
  });

  it('are what the socket sends in `sync` after every (re)connect', async () => {
    useConversations.getState().upsert(conversation('a', { lastSeq: 12 }));
    startRealtime();
    FakeWebSocket.last().open();
    expect(FakeWebSocket.last().frames('sync')[0].data).toEqual({ positions: { a: 12 } });
  });
});
