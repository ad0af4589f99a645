import { beforeEach, describe, expect, it } from 'vitest';
import { setSocket } from '../lib/socketRef';
import { ChatSocket } from '../lib/socket';
import { adaMember, bob, conversation, group, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { ada, apiError, json, stubFetch } from '../test/http';
import { useAuth } from './auth';
import { useConversations } from './conversations';
import { useMessages } from './messages';
import { usePresence } from './presence';
import { useToasts } from './toast';

const conv = () => useConversations.getState();

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

function openSocket() {
  const socket = new ChatSocket({ createSocket: (u) => new FakeWebSocket(u), url: 'ws://t/ws', getPositions: () => ({}) });
  setSocket(socket);
  socket.connect();
  FakeWebSocket.last().open();
  return FakeWebSocket.last();
}

describe('conversations store', () => {
  it('loads the list and orders it by last activity, newest first', async () => {
    stubFetch({
      'GET /api/conversations': json(200, {
        conversations: [
          conversation('old', { lastActivityAt: '2026-11-20T10:00:00.000Z' }),
          conversation('new', { lastActivityAt: '2026-11-26T10:00:00.000Z' }),
          conversation('mid', { lastActivityAt: '2026-11-23T10:00:00.000Z' }),
        ],
      }),
    });
    expect(conv().list.loaded).toBe(false);
    const done = conv().load();
    expect(conv().list.loading).toBe(true);
    await done;
    expect(conv().list).toEqual({ loading: false, loaded: true, error: null });
    expect(conv().ids).toEqual(['new', 'mid', 'old']);
  });

  it('moves a conversation to the top when a message arrives and updates its preview', () => {
    conv().upsert(conversation('a', { lastActivityAt: '2026-11-26T10:00:00.000Z' }));
    conv().upsert(conversation('b', { lastActivityAt: '2026-11-25T10:00:00.000Z' }));
    expect(conv().ids).toEqual(['a', 'b']);
    const m = message('b', 1, '2', { createdAt: '2026-11-26T11:00:00.000Z', text: 'hey' });
    conv().applyMessage(m, false);
    expect(conv().ids).toEqual(['b', 'a']);
    expect(conv().byId.b).toMatchObject({ lastSeq: 1, lastMessage: { text: 'hey' }, unreadCount: 1 });
  });

  it('counts unread messages from others only, once each, and not while the thread is on screen', () => {
    conv().upsert(conversation('a', { lastSeq: 3, lastReadSeq: 3 }));
    conv().applyMessage(message('a', 4, '2'), false);
    conv().applyMessage(message('a', 4, '2'), false); // again via sync
    conv().applyMessage(message('a', 5, ME), false); // mine
    expect(conv().byId.a.unreadCount).toBe(1);
    conv().applyMessage(message('a', 6, '2'), true); // viewing
    expect(conv().byId.a.unreadCount).toBe(1);
    expect(conv().byId.a.lastSeq).toBe(6);
  });

  it('reports unknown conversations so they can be fetched', () => {
    expect(conv().applyMessage(message('zzz', 1, '2'), false)).toBe(false);
  });

  it('a receipt for my own user clears the badge (read in another tab)', () => {
    conv().upsert(conversation('a', { lastSeq: 7, lastReadSeq: 4, unreadCount: 3 }));
    conv().applyReceipt({ conversationId: 'a', userId: ME, deliveredSeq: 7, readSeq: 7 });
    expect(conv().byId.a).toMatchObject({ lastReadSeq: 7, unreadCount: 0 });
  });

  it('a partial read recounts unread from the loaded messages', () => {
    conv().upsert(conversation('a', { lastSeq: 6, lastReadSeq: 2, unreadCount: 3 }));
    for (const [seq, sender] of [[3, '2'], [4, ME], [5, '2'], [6, '2']] as const) {
      useMessages.getState().receive(message('a', seq, sender));
    }
    conv().applyReceipt({ conversationId: 'a', userId: ME, deliveredSeq: 5, readSeq: 5 });
    expect(conv().byId.a).toMatchObject({ lastReadSeq: 5, unreadCount: 1 });
  });

  it('without the messages, a partial read caps the count by the seqs left', () => {
    conv().upsert(conversation('a', { lastSeq: 10, lastReadSeq: 2, unreadCount: 8 }));
    conv().applyReceipt({ conversationId: 'a', userId: ME, deliveredSeq: 8, readSeq: 8 });
    expect(conv().byId.a.unreadCount).toBe(2);
  });

  it("another member's receipt moves their positions forward only", () => {
    conv().upsert(conversation('a', { lastSeq: 5, members: [adaMember(), bob({ deliveredSeq: 4, readSeq: 3 })] }));
    conv().applyReceipt({ conversationId: 'a', userId: '2', deliveredSeq: 5, readSeq: 5 });
    expect(conv().byId.a.members[1]).toMatchObject({ deliveredSeq: 5, readSeq: 5 });
    conv().applyReceipt({ conversationId: 'a', userId: '2', deliveredSeq: 1, readSeq: 1 });
    expect(conv().byId.a.members[1]).toMatchObject({ deliveredSeq: 5, readSeq: 5 });
    expect(conv().byId.a.unreadCount).toBe(0);
  });

  it('a fresh copy from the server never moves positions back', () => {
    conv().upsert(conversation('a', { lastSeq: 9, lastReadSeq: 9, lastMessage: message('a', 9, '2') }));
    conv().upsert(conversation('a', { lastSeq: 8, lastReadSeq: 6, unreadCount: 2, name: 'Renamed' }));
    expect(conv().byId.a).toMatchObject({ name: 'Renamed', lastSeq: 9, lastReadSeq: 9, unreadCount: 0 });
    expect(conv().byId.a.lastMessage?.seq).toBe(9);
  });

  it('markRead sends `read` over the open socket and clears the badge', () => {
    const ws = openSocket();
    conv().upsert(conversation('a', { lastSeq: 5, lastReadSeq: 3, unreadCount: 2 }));
    conv().markRead('a');
    expect(ws.frames('read')).toEqual([{ type: 'read', data: { conversationId: 'a', seq: 5 } }]);
    expect(conv().byId.a).toMatchObject({ unreadCount: 0, lastReadSeq: 5 });
    conv().markRead('a'); // nothing new
    expect(ws.frames('read')).toHaveLength(1);
  });

  it('markRead falls back to POST /read when the socket is not open', async () => {
    const fetchMock = stubFetch({ 'POST /api/conversations/a/read': new Response(null, { status: 204 }) });
    conv().upsert(conversation('a', { lastSeq: 5, lastReadSeq: 3, unreadCount: 2 }));
    conv().markRead('a');
    await Promise.resolve();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ seq: 5 });
  });

  it('seeds presence from members without overriding presence frames', async () => {
    usePresence.getState().set('2', { online: false, lastSeenAt: '2026-11-26T09:00:00.000Z' });
    conv().upsert(conversation('a', { members: [adaMember(), bob({ online: true })] }));
    conv().upsert(group('g', { members: [adaMember(), bob(), { ...bob(), id: '9', online: true }] }));
    expect(usePresence.getState().byUser['2']).toEqual({ online: false, lastSeenAt: '2026-11-26T09:00:00.000Z' });
    expect(usePresence.getState().byUser['9']).toEqual({ online: true, lastSeenAt: null });
    expect(usePresence.getState().byUser[ME]).toBeUndefined();
  });

  it('creates a direct conversation and adds it', async () => {
    const created = conversation('d1');
    const fetchMock = stubFetch({ 'POST /api/conversations/direct': json(201, { conversation: created }) });
    await expect(conv().createDirect('2')).resolves.toEqual(created);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ userId: '2' });
    expect(conv().ids).toEqual(['d1']);
  });

  it('validates a group before creating it and maps server field errors', async () => {
    const fetchMock = stubFetch({
      'POST /api/conversations/groups': apiError(400, 'validation_failed', 'Invalid', { name: 'Too long' }),
    });
    await conv().createGroup('  ', ['2']);
    expect(conv().createForm.fieldErrors).toEqual({ name: 'Give the group a name' });
    await conv().createGroup('Team', []);
    expect(conv().createForm.fieldErrors).toEqual({ memberIds: 'Pick at least one person' });
    expect(fetchMock).not.toHaveBeenCalled();
    await conv().createGroup(' Team ', ['2', '3']);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ name: 'Team', memberIds: ['2', '3'] });
    expect(conv().createForm.fieldErrors).toEqual({ name: 'Too long' });
  });

  it('a forbidden group change becomes a toast', async () => {
    conv().upsert(group('g'));
    stubFetch({ 'PATCH /api/conversations/g': apiError(403, 'forbidden', 'Only owners and admins can do that.') });
    await expect(conv().rename('g', 'New name')).resolves.toBe(false);
    expect(useToasts.getState().toasts).toMatchObject([{ kind: 'error', message: 'Only owners and admins can do that.' }]);
    expect(conv().byId.g.name).toBe('Launch team');
    expect(conv().groupForm.loading).toBe(false);
  });

  it('leaving removes the conversation and its messages', async () => {
    conv().upsert(group('g'));
    useMessages.getState().receive(message('g', 1, '2'));
    stubFetch({ [`DELETE /api/conversations/g/members/${ME}`]: new Response(null, { status: 204 }) });
    await expect(conv().leave('g')).resolves.toBe(true);
    expect(conv().byId.g).toBeUndefined();
    expect(conv().ids).toEqual([]);
    expect(useMessages.getState().threads.g).toBeUndefined();
  });
});
