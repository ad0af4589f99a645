import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatSocket } from '../lib/socket';
import { setSocket } from '../lib/socketRef';
import { FakeWebSocket } from '../test/fakeSocket';
import { TYPING_THROTTLE_MS, TYPING_TIMEOUT_MS, useTyping } from './typing';

const typing = () => useTyping.getState();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  typing().reset();
  setSocket(null);
  vi.useRealTimers();
});

describe('typing store', () => {
  it('shows a typing user until 5 s after their last event', () => {
    typing().userTyping('a', '2');
    expect(typing().byConversation).toEqual({ a: ['2'] });
    vi.advanceTimersByTime(TYPING_TIMEOUT_MS - 1000);
    typing().userTyping('a', '2'); // still typing: the clock starts again
    vi.advanceTimersByTime(TYPING_TIMEOUT_MS - 1);
    expect(typing().byConversation.a).toEqual(['2']);
    vi.advanceTimersByTime(1);
    expect(typing().byConversation.a).toBeUndefined();
  });

  it('expires each user on their own', () => {
    typing().userTyping('g', '2');
    vi.advanceTimersByTime(2000);
    typing().userTyping('g', '3');
    expect(typing().byConversation.g).toEqual(['2', '3']);
    vi.advanceTimersByTime(3000);
    expect(typing().byConversation.g).toEqual(['3']);
    vi.advanceTimersByTime(2000);
    expect(typing().byConversation.g).toBeUndefined();
  });

  it('a message from the user ends their typing at once', () => {
    typing().userTyping('a', '2');
    typing().userStopped('a', '2');
    expect(typing().byConversation).toEqual({});
  });

  it('sends `typing` at most once per 3 s per conversation', () => {
    const socket = new ChatSocket({ createSocket: (u) => new FakeWebSocket(u), url: 'ws://t', getPositions: () => ({}) });
    setSocket(socket);
    socket.connect();
    const ws = FakeWebSocket.last();
    ws.open();
    typing().notifyTyping('a');
    typing().notifyTyping('a');
    typing().notifyTyping('b');
    expect(ws.frames('typing').map((f) => f.data.conversationId)).toEqual(['a', 'b']);
    vi.advanceTimersByTime(TYPING_THROTTLE_MS - 1);
    typing().notifyTyping('a');
    expect(ws.frames('typing')).toHaveLength(2);
    vi.advanceTimersByTime(1);
    typing().notifyTyping('a');
    expect(ws.frames('typing')).toHaveLength(3);
    // After sending a message the next keystroke announces typing again right away.
    typing().messageSent('a');
    typing().notifyTyping('a');
    expect(ws.frames('typing')).toHaveLength(4);
    socket.disconnect();
  });
});
