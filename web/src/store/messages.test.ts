import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGE_MAX } from '../lib/chatTypes';
import { conversation, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { FakeXMLHttpRequest, imageFile } from '../test/fakeXhr';
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

describe('image messages', () => {
  const uploaded = (id = 'img1') => ({
    id,
    url: `/api/media/${id}`,
    thumbnailUrl: `/api/media/${id}/thumbnail`,
    width: 1600,
    height: 1200,
    contentType: 'image/png',
    size: 2048,
  });

  function openChat() {
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [conversation('a', { lastSeq: 3 })] }) });
    useConversations.getState().upsert(conversation('a', { lastSeq: 3 }));
    startRealtime();
    const ws = FakeWebSocket.last();
    ws.open();
    return ws;
  }

  it('uploads the image with progress, then sends message.send with its imageId; the ack settles it', async () => {
    const ws = openChat();
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const p = msgs().send('a', 'our cat', { file: imageFile('cat.png') })!;
    expect(p.image).toMatchObject({ progress: 0, imageId: null });
    expect(p.image!.previewUrl).toMatch(/^blob:/);

    const xhr = FakeXMLHttpRequest.last();
    expect([xhr.method, xhr.url]).toEqual(['POST', '/api/media']);
    expect(xhr.file()?.name).toBe('cat.png');
    expect(ws.frames('message.send')).toEqual([]); // not before the upload is done

    xhr.progress(1024, 2048);
    expect(msgs().threads.a.pending[0].image!.progress).toBe(50);

    xhr.respond(201, uploaded());
    await vi.waitFor(() => expect(ws.frames('message.send')).toHaveLength(1));
    expect(ws.frames('message.send')[0]).toEqual({
      type: 'message.send',
      ref: `send:${p.clientId}`,
      data: { conversationId: 'a', clientId: p.clientId, text: 'our cat', imageId: 'img1' },
    });
    expect(msgs().threads.a.pending[0].image).toMatchObject({ imageId: 'img1', progress: 100, width: 1600, height: 1200 });

    const image = { id: 'img1', url: '/api/media/img1', thumbnailUrl: '/api/media/img1/thumbnail', width: 1600, height: 1200 };
    ws.receive({
      type: 'message.ack',
      ref: `send:${p.clientId}`,
      data: { clientId: p.clientId, message: message('a', 4, ME, { clientId: p.clientId, text: 'our cat', image }) },
    });
    expect(msgs().threads.a.pending).toEqual([]);
    expect(msgs().threads.a.messages[0].image).toEqual(image);
    expect(revoke).toHaveBeenCalledWith(p.image!.previewUrl);
  });

  it('sends an image without a caption, but refuses an over-long caption or a bad file', () => {
    openChat();
    expect(msgs().send('a', '', { file: imageFile() })).not.toBeNull();
    expect(msgs().send('a', 'x'.repeat(MESSAGE_MAX + 1), { file: imageFile() })).toBeNull();
    expect(msgs().send('a', '', { file: imageFile('a.pdf', 'application/pdf') })).toBeNull();
    expect(FakeXMLHttpRequest.instances).toHaveLength(1);
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual([expect.stringMatching(/JPEG, PNG, WebP and GIF/)]);
  });

  it('uploads once: a reconnect resends the same imageId without uploading again', async () => {
    vi.useFakeTimers();
    try {
      const ws = openChat();
      const p = msgs().send('a', '', { file: imageFile() })!;
      FakeXMLHttpRequest.last().respond(201, uploaded('img7'));
      await vi.waitFor(() => expect(ws.frames('message.send')).toHaveLength(1));
      ws.serverClose();
      vi.advanceTimersByTime(10_000);
      FakeWebSocket.last().open();
      expect(FakeWebSocket.last().frames('message.send').map((f) => f.data)).toEqual([
        { conversationId: 'a', clientId: p.clientId, text: '', imageId: 'img7' },
      ]);
      expect(FakeXMLHttpRequest.instances).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("marks a failed upload as failed with the server's message; retry uploads again", async () => {
    const ws = openChat();
    const p = msgs().send('a', 'big one', { file: imageFile() })!;
    FakeXMLHttpRequest.last().respond(422, { error: { code: 'invalid_image', message: 'That image could not be read.' } });
    await vi.waitFor(() => expect(msgs().threads.a.pending[0].status).toBe('failed'));
    expect(msgs().threads.a.pending[0].error).toBe('That image could not be read.');
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual(['That image could not be read.']);
    expect(ws.frames('message.send')).toEqual([]);

    msgs().retry('a', p.clientId);
    expect(msgs().threads.a.pending[0]).toMatchObject({ status: 'pending', error: null });
    expect(FakeXMLHttpRequest.instances).toHaveLength(2);
    FakeXMLHttpRequest.last().respond(201, uploaded('img2'));
    await vi.waitFor(() => expect(ws.frames('message.send')).toHaveLength(1));
    expect(ws.frames('message.send')[0].data).toMatchObject({ clientId: p.clientId, imageId: 'img2' });
  });

  it('a refused image message is retried over the socket with the same imageId', async () => {
    const ws = openChat();
    const p = msgs().send('a', '', { file: imageFile() })!;
    FakeXMLHttpRequest.last().respond(201, uploaded('img3'));
    await vi.waitFor(() => expect(ws.frames('message.send')).toHaveLength(1));
    handleFrame({ type: 'error', ref: `send:${p.clientId}`, data: { code: 'rate_limited', message: 'Slow down.' } });
    msgs().retry('a', p.clientId);
    expect(ws.frames('message.send').map((f) => f.data.imageId)).toEqual(['img3', 'img3']);
    expect(FakeXMLHttpRequest.instances).toHaveLength(1);
  });

  it('an image sent before the socket exists joins its outbox once uploaded', async () => {
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [conversation('a')] }) });
    useConversations.getState().upsert(conversation('a'));
    const p = msgs().send('a', 'early', { file: imageFile() })!;
    FakeXMLHttpRequest.last().respond(201, uploaded('img4'));
    await vi.waitFor(() => expect(msgs().threads.a.pending[0].image!.imageId).toBe('img4'));
    startRealtime();
    FakeWebSocket.last().open();
    expect(FakeWebSocket.last().frames('message.send').map((f) => f.data)).toEqual([
      { conversationId: 'a', clientId: p.clientId, text: 'early', imageId: 'img4' },
    ]);
  });

  it('logging out aborts a running upload', () => {
    openChat();
    msgs().send('a', '', { file: imageFile() });
    msgs().reset();
    expect(FakeXMLHttpRequest.last().aborted).toBe(true);
    expect(useToasts.getState().toasts).toEqual([]);
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
    expect(FakeWebSocket.last().frames('sync')[0].data).toEqual({ positions: { a: { seq: 12, change: 0 } } });
  });
});
