import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '../test/fakeSocket';
import { backoffDelay, ChatSocket, defaultSocketUrl, type ChatSocketOptions, type Frame } from './socket';

const msg = (conversationId: string, seq: number, clientId = `c-${seq}`) => ({
  id: `m-${conversationId}-${seq}`,
  conversationId,
  seq,
  senderId: 'u2',
  clientId,
  text: `hello ${seq}`,
  createdAt: '2026-11-26T12:00:00.000Z',
});

let positions: Record<string, number | { seq: number; change: number }>;
let frames: Frame[];
let states: string[];
let socket: ChatSocket;

function make(extra: Partial<ChatSocketOptions> = {}) {
  socket = new ChatSocket({
    url: 'ws://test/ws',
    createSocket: (url) => new FakeWebSocket(url),
    getPositions: () => ({ ...positions }),
    onFrame: (f) => frames.push(f),
    onStateChange: (s) => states.push(s),
    random: () => 1, // deterministic: the full backoff delay
    ...extra,
  });
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
  positions = {};
  frames = [];
  states = [];
});

afterEach(() => {
  socket?.disconnect();
  vi.useRealTimers();
});

describe('ChatSocket', () => {
  it('builds the same-origin URL', () => {
    expect(defaultSocketUrl({ protocol: 'http:', host: 'localhost:5001' })).toBe('ws://localhost:5001/ws');
    expect(defaultSocketUrl({ protocol: 'https:', host: 'echos.app' })).toBe('wss://echos.app/ws');
  });

  it('backs off exponentially with jitter, capped at 10 s', () => {
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    expect(backoffDelay(10, () => 1)).toBe(10_000);
    expect(backoffDelay(50, () => 0)).toBe(5000);
  });

  it('connects, syncs with the known positions and reports its state', () => {
    positions = { a: 12, b: 3 };
    make().connect();
    expect(socket.state).toBe('connecting');
    const ws = FakeWebSocket.last();
    expect(ws.url).toBe('ws://test/ws');
    ws.open();
    expect(socket.state).toBe('open');
    expect(ws.frames('sync')).toEqual([{ type: 'sync', ref: expect.any(String), data: { positions: { a: 12, b: 3 } } }]);
    expect(states).toEqual(['connecting', 'open']);
  });

  it('reconnects with backoff after a drop and syncs from the new positions', () => {
    const onOpen = vi.fn();
    make({ onOpen }).connect();
    FakeWebSocket.last().open();
    expect(onOpen).toHaveBeenLastCalledWith({ reconnect: false });

    positions = { a: 20 };
    FakeWebSocket.last().serverClose();
    expect(socket.state).toBe('reconnecting');
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    // The second attempt fails too: the wait doubles.
    FakeWebSocket.last().serverClose();
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    positions = { a: 21, b: 4 };
    FakeWebSocket.last().open();
    expect(socket.state).toBe('open');
    expect(onOpen).toHaveBeenLastCalledWith({ reconnect: true });
    expect(FakeWebSocket.last().frames('sync')[0].data).toEqual({ positions: { a: 21, b: 4 } });
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('keeps unacknowledged messages in the outbox and resends them with the same clientId after reconnecting', () => {
    make().connect();
    const first = FakeWebSocket.last();
    first.open();
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-1', text: 'one' });
    expect(first.frames('message.send')).toEqual([
      { type: 'message.send', ref: 'send:cid-1', data: { conversationId: 'a', clientId: 'cid-1', text: 'one' } },
    ]);

    first.serverClose();
    // Sent while disconnected: queued, not lost.
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-2', text: 'two' });
    expect(socket.pending().map((m) => m.clientId)).toEqual(['cid-1', 'cid-2']);

    vi.advanceTimersByTime(500);
    const second = FakeWebSocket.last();
    expect(second).not.toBe(first);
    second.open();
    const types = second.frames().map((f) => f.type);
    expect(types).toEqual(['sync', 'message.send', 'message.send']);
    expect(second.frames('message.send').map((f) => f.data.clientId)).toEqual(['cid-1', 'cid-2']);
  });

  it('removes a message from the outbox on message.ack and no longer resends it', () => {
    make().connect();
    FakeWebSocket.last().open();
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-1', text: 'one' });
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-2', text: 'two' });
    FakeWebSocket.last().receive({
      type: 'message.ack',
      ref: 'send:cid-1',
      data: { clientId: 'cid-1', message: msg('a', 7, 'cid-1') },
    });
    expect(socket.pending().map((m) => m.clientId)).toEqual(['cid-2']);
    expect(frames.map((f) => f.type)).toEqual(['message.ack']);

    FakeWebSocket.last().serverClose();
    vi.advanceTimersByTime(500);
    FakeWebSocket.last().open();
    expect(FakeWebSocket.last().frames('message.send').map((f) => f.data.clientId)).toEqual(['cid-2']);
  });

  it('drops a refused message from the outbox and passes the error on', () => {
    make().connect();
    FakeWebSocket.last().open();
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-1', text: 'one' });
    FakeWebSocket.last().receive({ type: 'error', ref: 'send:cid-1', data: { code: 'rate_limited', message: 'Slow down' } });
    expect(socket.pending()).toEqual([]);
    expect(frames).toEqual([{ type: 'error', ref: 'send:cid-1', data: { code: 'rate_limited', message: 'Slow down' } }]);
  });

  it('drops a duplicate message.new (same conversation and seq), also across a reconnect', () => {
    make().connect();
    FakeWebSocket.last().open();
    const ws = FakeWebSocket.last();
    ws.receive({ type: 'message.new', data: { message: msg('a', 5) } });
    ws.receive({ type: 'message.new', data: { message: msg('a', 5) } });
    ws.receive({ type: 'message.new', data: { message: msg('b', 5) } });
    expect(frames.map((f) => [f.type, (f.data as { message: { conversationId: string } }).message.conversationId])).toEqual([
      ['message.new', 'a'],
      ['message.new', 'b'],
    ]);

    ws.serverClose();
    vi.advanceTimersByTime(500);
    FakeWebSocket.last().open();
    FakeWebSocket.last().receive({ type: 'message.new', data: { message: msg('a', 5) } }); // again via sync
    FakeWebSocket.last().receive({ type: 'message.new', data: { message: msg('a', 6) } });
    expect(frames).toHaveLength(3);
  });

  it('drops message.new the app already has (isKnown) and for an acked own message', () => {
    make({ isKnown: (c, s) => c === 'a' && s <= 3 }).connect();
    const ws = FakeWebSocket.last();
    ws.open();
    ws.receive({ type: 'message.new', data: { message: msg('a', 3) } });
    ws.receive({ type: 'message.ack', data: { clientId: 'x', message: msg('a', 4, 'x') } });
    ws.receive({ type: 'message.new', data: { message: msg('a', 4, 'x') } });
    expect(frames.map((f) => f.type)).toEqual(['message.ack']);
  });

  it('treats message.new carrying an outbox clientId as an acknowledgement for the outbox', () => {
    make().connect();
    FakeWebSocket.last().open();
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-1', text: 'one' });
    FakeWebSocket.last().receive({ type: 'message.new', data: { message: msg('a', 9, 'cid-1') } });
    expect(socket.pending()).toEqual([]);
  });

  it('pings every 25 s and reconnects when the server stays silent', () => {
    make().connect();
    const ws = FakeWebSocket.last();
    ws.open();
    vi.advanceTimersByTime(25_000);
    expect(ws.frames('ping')).toHaveLength(1);
    ws.receive({ type: 'pong', ref: 'ping-1', data: {} });
    vi.advanceTimersByTime(25_000);
    expect(ws.frames('ping')).toHaveLength(2);
    // No answer for more than two intervals: assume the connection is dead.
    vi.advanceTimersByTime(50_000);
    expect(socket.state).toBe('reconnecting');
    expect(ws.readyState).toBe(FakeWebSocket.CLOSED);
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('gives up on an attempt that never opens and tries again', () => {
    make({ connectTimeoutMs: 3000 }).connect();
    vi.advanceTimersByTime(3000);
    expect(socket.state).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('sends plain frames only while open', () => {
    make().connect();
    expect(socket.send('typing', { conversationId: 'a' })).toBe(false);
    FakeWebSocket.last().open();
    expect(socket.send('typing', { conversationId: 'a' })).toBe(true);
    expect(FakeWebSocket.last().frames('typing')).toEqual([{ type: 'typing', data: { conversationId: 'a' } }]);
  });

  it('disconnect stops reconnecting and clears the outbox', () => {
    make().connect();
    FakeWebSocket.last().open();
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-1', text: 'one' });
    socket.disconnect();
    expect(socket.state).toBe('idle');
    expect(socket.pending()).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('keeps a request (edit/delete) until a frame answers its ref, resending it after a reconnect', () => {
    positions = { a: { seq: 3, change: 2 } };
    make().connect();
    const first = FakeWebSocket.last();
    first.open();
    expect(first.frames('sync')[0].data).toEqual({ positions: { a: { seq: 3, change: 2 } } });
    socket.request('message.edit', { conversationId: 'a', messageId: 'm1', text: 'x' }, 'edit:m1:1');
    socket.request('message.delete', { conversationId: 'a', messageId: 'm2' }, 'delete:m2:2');
    expect(first.frames().map((f) => f.type)).toEqual(['sync', 'message.edit', 'message.delete']);
    first.receive({ type: 'message.updated', ref: 'edit:m1:1', data: { message: msg('a', 1), changeSeq: 3 } });
    expect(socket.pendingRequests()).toEqual(['delete:m2:2']);
    expect(frames.map((f) => f.type)).toEqual(['message.updated']);

    first.serverClose();
    vi.advanceTimersByTime(500);
    const second = FakeWebSocket.last();
    second.open();
    expect(second.frames()).toEqual([
      { type: 'sync', ref: expect.any(String), data: { positions: { a: { seq: 3, change: 2 } } } },
      { type: 'message.delete', ref: 'delete:m2:2', data: { conversationId: 'a', messageId: 'm2' } },
    ]);
    second.receive({ type: 'error', ref: 'delete:m2:2', data: { code: 'forbidden', message: 'No.' } });
    expect(socket.pendingRequests()).toEqual([]);
  });

  it('ignores frames that are not JSON or have no type', () => {
    make().connect();
    const ws = FakeWebSocket.last();
    ws.open();
    ws.onmessage?.({ data: 'nope' } as MessageEvent);
    ws.receive({ data: {} });
    expect(frames).toEqual([]);
  });

  it('asks for the next sync page from where sync.done got to while it says more, then stops asking', () => {
    positions = { a: { seq: 0, change: 0 }, b: { seq: 5, change: 2 } };
    make().connect();
    const ws = FakeWebSocket.last();
    ws.open();
    const first = ws.frames('sync')[0];
    ws.receive({ type: 'message.new', data: { message: msg('a', 1) } });
    ws.receive({ type: 'sync.done', ref: first.ref, data: { positions: { a: 1, b: 5 }, changes: { a: 0, b: 2 }, more: true } });
    const syncs = ws.frames('sync');
    expect(syncs).toHaveLength(2);
    expect(syncs[1].ref).not.toBe(first.ref);
    expect(syncs[1].data).toEqual({ positions: { a: { seq: 1, change: 0 }, b: { seq: 5, change: 2 } } });

    ws.receive({ type: 'sync.done', ref: syncs[1].ref, data: { positions: { a: 3, b: 5 }, changes: { a: 4, b: 2 }, more: false } });
    expect(ws.frames('sync')).toHaveLength(2);
    expect(frames.filter((f) => f.type === 'sync.done')).toHaveLength(2);
  });

  it('stops on close 4401 (session expired) without reconnecting, keeps the outbox and says why', () => {
    const onStopped = vi.fn();
    make({ onStopped }).connect();
    FakeWebSocket.last().open();
    socket.sendMessage({ conversationId: 'a', clientId: 'cid-1', text: 'unsent' });
    FakeWebSocket.last().serverClose(4401);
    expect(onStopped).toHaveBeenCalledWith('session_expired');
    expect(socket.state).toBe('idle');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(socket.pending().map((m) => m.text)).toEqual(['unsent']);
  });

  it('stops on a revoked session (4403) and on too many sockets (4029), but reconnects after 4008 slow_consumer', () => {
    const onStopped = vi.fn();
    make({ onStopped }).connect();
    FakeWebSocket.last().open();
    FakeWebSocket.last().serverClose(4008);
    expect(onStopped).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.last().open();
    expect(FakeWebSocket.last().frames('sync')).toHaveLength(1);

    FakeWebSocket.last().serverClose(4403);
    expect(onStopped).toHaveBeenLastCalledWith('session_revoked');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);

    socket.connect();
    FakeWebSocket.last().open();
    FakeWebSocket.last().serverClose(4029);
    expect(onStopped).toHaveBeenLastCalledWith('too_many_sockets');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(3);
  });
});
