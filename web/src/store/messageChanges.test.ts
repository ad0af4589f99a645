import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, deleted, edited, group, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { ada, apiError, deferred, json, stubFetch } from '../test/http';
import { useAuth } from './auth';
import { advanceChange, confirmChange, useConversations } from './conversations';
import { lastEditable, mergeMessages, useMessages } from './messages';
import { handleFrame, socketPositions, startRealtime } from './realtime';
import { useToasts } from './toast';

const msgs = () => useMessages.getState();
const conv = () => useConversations.getState();
const texts = (id: string) => msgs().threads[id].messages.map((m) => m.text);
const toasts = () => useToasts.getState().toasts.map((t) => t.message);

const m1 = message('a', 1, '2', { text: 'hi' });
const m2 = message('a', 2, ME, { text: 'helo' });
const m3 = message('a', 3, ME, { text: 'see you' });

/** Conversation `a` with messages 1–3 loaded (3 is the last one), change position 4. */
async function loadedChat() {
  conv().upsert(conversation('a', { lastSeq: 3, lastChange: 4, lastMessage: m3 }));
  stubFetch({ 'GET /api/conversations/a/messages?limit=50': json(200, { messages: [m3, m2, m1], nextBefore: null }) });
  await msgs().loadLatest('a');
}

function connect() {
  startRealtime();
  const ws = FakeWebSocket.last();
  ws.open();
  return ws;
}

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

describe('message.updated', () => {
  it('an edit replaces the stored message and the change position moves', async () => {
    await loadedChat();
    handleFrame({ type: 'message.updated', data: { message: edited(m2, 'hello', 5), changeSeq: 5 } });
    expect(texts('a')).toEqual(['hi', 'hello', 'see you']);
    expect(msgs().threads.a.messages[1].editedAt).toBe('2026-11-26T13:00:00.000Z');
    expect(conv().changes.a).toEqual({ applied: 5, ahead: [] });
    // Not the last message: the preview stays.
    expect(conv().byId.a.lastMessage?.text).toBe('see you');
  });

  it('the preview follows an edit and a delete of the last message', async () => {
    await loadedChat();
    handleFrame({ type: 'message.updated', data: { message: edited(m3, 'see you soon', 5), changeSeq: 5 } });
    expect(conv().byId.a.lastMessage).toMatchObject({ text: 'see you soon', changeSeq: 5 });
    handleFrame({ type: 'message.updated', data: { message: deleted(m3, 6), changeSeq: 6 } });
    expect(conv().byId.a.lastMessage).toMatchObject({ deleted: true, text: null });
    expect(msgs().threads.a.messages[2]).toMatchObject({ seq: 3, deleted: true, text: null, image: null });
    // The order of the list does not change for an edit.
    expect(conv().byId.a.lastActivityAt).toBe('2026-11-01T09:00:00.000Z');
  });

  it('a change replayed twice is applied once, and an older state never undoes a newer one', async () => {
    await loadedChat();
    const v5 = edited(m2, 'hello', 5);
    handleFrame({ type: 'message.updated', data: { message: v5, changeSeq: 5 } });
    const after = msgs().threads.a;
    handleFrame({ type: 'message.updated', data: { message: v5, changeSeq: 5 } }); // again, via sync
    expect(msgs().threads.a).toBe(after); // nothing changed at all
    expect(conv().changes.a).toEqual({ applied: 5, ahead: [] });

    handleFrame({ type: 'message.updated', data: { message: edited(m2, 'hello!', 6), changeSeq: 6 } });
    handleFrame({ type: 'message.updated', data: { message: v5, changeSeq: 5 } }); // a stale copy
    expect(texts('a')[1]).toBe('hello!');
    expect(conv().changes.a.applied).toBe(6);
  });

  it('moves the change position only over a gap-free run', () => {
    let cursor = { applied: 4, ahead: [] as number[] };
    cursor = advanceChange(cursor, 6); // 5 not seen yet (out of order)
    expect(cursor).toEqual({ applied: 4, ahead: [6] });
    cursor = advanceChange(cursor, 6);
    expect(cursor).toEqual({ applied: 4, ahead: [6] });
    cursor = advanceChange(cursor, 5);
    expect(cursor).toEqual({ applied: 6, ahead: [] });
    expect(advanceChange(cursor, 3)).toBe(cursor);
    expect(confirmChange({ applied: 2, ahead: [5, 9] }, 4)).toEqual({ applied: 5, ahead: [9] });
  });

  it('keeps an update that arrives while its page is being fetched', async () => {
    conv().upsert(conversation('a', { lastSeq: 3, lastMessage: m3 }));
    const page = deferred<Response>();
    stubFetch({ 'GET /api/conversations/a/messages?limit=50': () => page.promise });
    const loading = msgs().loadLatest('a');
    handleFrame({ type: 'message.updated', data: { message: edited(m2, 'hello', 1), changeSeq: 1 } });
    // The page was read before the edit.
    page.resolve(json(200, { messages: [m3, m2, m1], nextBefore: null }));
    await loading;
    expect(texts('a')).toEqual(['hi', 'hello', 'see you']);
    expect(msgs().threads.a.updates).toEqual({});
  });

  it('merging keeps the copy with the later change', () => {
    const list = [m1, edited(m2, 'hello', 3)];
    expect(mergeMessages(list, [m1, m2]).list).toBe(list);
    expect(mergeMessages(list, [deleted(m2, 4)]).list[1]).toMatchObject({ deleted: true });
  });

  it('fetches a conversation it does not know when one of its messages changes', async () => {
    const fetchMock = stubFetch({ 'GET /api/conversations/n': json(200, { conversation: group('n', { lastChange: 1 }) }) });
    handleFrame({ type: 'message.updated', data: { message: edited(message('n', 1, '2'), 'x', 1), changeSeq: 1 } });
    await vi.waitFor(() => expect(conv().byId.n).toBeDefined());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(conv().changes.n.applied).toBe(1);
  });
});

describe('sync with change positions', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends {seq, change} per conversation and takes the change positions from sync.done', async () => {
    vi.useRealTimers();
    stubFetch({
      'GET /api/conversations': json(200, {
        conversations: [conversation('a', { lastSeq: 3, lastChange: 4 }), conversation('b', { lastSeq: 7 })],
      }),
    });
    await conv().load();
    vi.useFakeTimers();
    const ws = connect();
    expect(ws.frames('sync')[0].data).toEqual({ positions: { a: { seq: 3, change: 4 }, b: { seq: 7, change: 0 } } });

    // Replayed changes, then sync.done with where the server got to.
    ws.receive({ type: 'message.updated', data: { message: edited(message('a', 2, ME), 'x', 5), changeSeq: 5 } });
    ws.receive({ type: 'sync.done', data: { positions: { a: 3, b: 7 }, changes: { a: 6, b: 2 } } });
    expect(socketPositions()).toEqual({ a: { seq: 3, change: 6 }, b: { seq: 7, change: 2 } });

    // A later list reload does not move it (only applied changes and sync.done do).
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [conversation('a', { lastSeq: 3, lastChange: 9 })] }) });
    ws.serverClose();
    vi.advanceTimersByTime(500);
    FakeWebSocket.last().open();
    expect(FakeWebSocket.last().frames('sync')[0].data).toEqual({
      positions: { a: { seq: 3, change: 6 }, b: { seq: 7, change: 2 } },
    });
  });
});

describe('editing and deleting', () => {
  it('edits over the socket: shown at once, settled by the answer', async () => {
    await loadedChat();
    const ws = connect();
    expect(msgs().edit('a', m2.id, 'hello')).toBe(true);
    const [frame] = ws.frames('message.edit');
    expect(frame).toEqual({ type: 'message.edit', ref: expect.stringMatching(/^edit:/), data: { conversationId: 'a', messageId: m2.id, text: 'hello' } });
    expect(msgs().threads.a.changing[m2.id]).toMatchObject({ kind: 'edit', text: 'hello' });

    ws.receive({ type: 'message.updated', ref: frame.ref, data: { message: edited(m2, 'hello', 5), changeSeq: 5 } });
    expect(msgs().threads.a.changing).toEqual({});
    expect(texts('a')[1]).toBe('hello');
  });

  it('an unanswered edit is sent again after a reconnect', async () => {
    vi.useFakeTimers();
    try {
      await loadedChat();
      const ws = connect();
      msgs().edit('a', m2.id, 'hello');
      ws.serverClose();
      vi.advanceTimersByTime(500);
      const next = FakeWebSocket.last();
      next.open();
      expect(next.frames().map((f) => f.type)).toEqual(['sync', 'message.edit']);
      expect(next.frames('message.edit')[0].ref).toBe(ws.frames('message.edit')[0].ref);
    } finally {
      vi.useRealTimers();
    }
  });

  it("toasts the server's refusal and shows the stored state again", async () => {
    await loadedChat();
    const ws = connect();
    msgs().deleteMessage('a', m1.id);
    const [frame] = ws.frames('message.delete');
    expect(frame.data).toEqual({ conversationId: 'a', messageId: m1.id });
    expect(msgs().threads.a.changing[m1.id]).toMatchObject({ kind: 'delete' });
    ws.receive({ type: 'error', ref: frame.ref, data: { code: 'forbidden', message: 'Only the sender can delete this message.' } });
    expect(msgs().threads.a.changing).toEqual({});
    expect(toasts()).toEqual(["Couldn't delete the message: Only the sender can delete this message."]);
  });

  it('validates like sending; unchanged text sends nothing; only my messages', async () => {
    await loadedChat();
    const ws = connect();
    expect(msgs().edit('a', m2.id, '   ')).toBe(false);
    expect(msgs().edit('a', m2.id, 'x'.repeat(4001))).toBe(false);
    expect(msgs().edit('a', m1.id, 'not mine')).toBe(false);
    expect(msgs().edit('a', m2.id, 'helo')).toBe(true);
    expect(ws.frames('message.edit')).toEqual([]);
  });

  it('an image caption may be edited to empty', async () => {
    const photo = message('a', 4, ME, {
      text: 'our cat',
      image: { id: 'i', url: '/api/media/i', thumbnailUrl: '/api/media/i/thumbnail', width: 10, height: 10 },
    });
    msgs().receive(photo);
    const ws = connect();
    expect(msgs().edit('a', photo.id, '')).toBe(true);
    expect(ws.frames('message.edit')[0].data.text).toBe('');
  });

  it('falls back to HTTP while the socket is not open', async () => {
    await loadedChat();
    const fetchMock = stubFetch({
      'PATCH /api/conversations/a/messages/m-a-2': json(200, { message: edited(m2, 'hello', 5) }),
      'DELETE /api/conversations/a/messages/m-a-1': json(204),
      'DELETE /api/conversations/a/messages/m-a-3': apiError(403, 'forbidden', 'Not allowed.'),
    });
    msgs().edit('a', m2.id, 'hello');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: 'PATCH', body: JSON.stringify({ text: 'hello' }) });
    await vi.waitFor(() => expect(texts('a')[1]).toBe('hello'));
    expect(msgs().threads.a.changing).toEqual({});

    msgs().deleteMessage('a', m1.id);
    await vi.waitFor(() => expect(msgs().threads.a.messages[0]).toMatchObject({ deleted: true, text: null }));

    msgs().deleteMessage('a', m3.id);
    await vi.waitFor(() => expect(toasts()).toEqual(["Couldn't delete the message: Not allowed."]));
    expect(msgs().threads.a.messages[2].deleted).toBeFalsy();
  });

  it('finds the last message of mine that can be edited', () => {
    expect(lastEditable([m1, m2, m3], ME)).toBe(m3);
    expect(lastEditable([m1, m2, deleted(m3, 1)], ME)).toBe(m2);
    expect(lastEditable([m1], ME)).toBeNull();
  });
});
