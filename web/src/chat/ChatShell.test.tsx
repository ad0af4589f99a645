import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../lib/chatTypes';
import { useAuth } from '../store/auth';
import { adaMember, bob, cat, conversation, group, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { FakeXMLHttpRequest, imageFile } from '../test/fakeXhr';
import { ada, apiError, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

const direct = (extra: Partial<Conversation> = {}) =>
  conversation('a', {
    lastSeq: 3,
    lastReadSeq: 1,
    unreadCount: 2,
    lastMessage: message('a', 3, '2', { text: 'are you there?' }),
    lastActivityAt: '2026-11-26T12:03:00.000Z',
    members: [adaMember({ deliveredSeq: 3, readSeq: 1 }), bob({ online: true, deliveredSeq: 3, readSeq: 3 })],
    ...extra,
  });

const team = (extra: Partial<Conversation> = {}) =>
  group('g', {
    lastSeq: 0,
    lastActivityAt: '2026-11-20T12:00:00.000Z',
    members: [adaMember({ role: 'owner' }), bob(), cat()],
    ...extra,
  });

const history = {
  messages: [message('a', 3, '2', { text: 'are you there?' }), message('a', 2, ME), message('a', 1, '2')],
  nextBefore: null,
};

/** The socket opens once the list has loaded. */
async function openSocket() {
  await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
  const ws = FakeWebSocket.last();
  act(() => ws.open());
  return ws;
}

function serverSends(ws: FakeWebSocket, type: string, data: unknown) {
  act(() => ws.receive({ type, data }));
}

describe('chat shell', () => {
  it('lists conversations with unread badges and online dots, and filters online only', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [team({ members: [adaMember({ role: 'owner' }), cat()] }), direct()] }),
    });
    const { user } = renderApp('/');
    expect(screen.getByTestId('conversations-loading')).toBeInTheDocument();
    const items = await screen.findAllByTestId('conversation-item');
    expect(items.map((i) => i.getAttribute('data-conversation-id'))).toEqual(['a', 'g']);
    expect(items[0]).toHaveTextContent('Bob Stone');
    expect(items[0]).toHaveTextContent('are you there?');
    expect(within(items[0]).getByTestId('unread-badge')).toHaveTextContent('2');
    expect(within(items[0]).getByTestId('online-dot')).toBeInTheDocument();
    expect(within(items[1]).queryByTestId('unread-badge')).not.toBeInTheDocument();
    expect(within(items[1]).queryByTestId('online-dot')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('online-only-toggle'));
    expect(screen.getAllByTestId('conversation-item').map((i) => i.getAttribute('data-conversation-id'))).toEqual(['a']);

    // Bob goes offline: nobody left.
    const ws = await openSocket();
    serverSends(ws, 'presence', { userId: '2', online: false, lastSeenAt: new Date().toISOString() });
    expect(screen.queryByTestId('conversation-item')).not.toBeInTheDocument();
    expect(screen.getByTestId('conversations-none-online')).toBeInTheDocument();
  });

  it('shows the unread total in the tab title: up when a message arrives elsewhere, down when read', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [direct(), team()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    const { user } = renderApp('/');
    await screen.findAllByTestId('conversation-item');
    await waitFor(() => expect(document.title).toBe('(2) Echos'));
    const ws = await openSocket();

    serverSends(ws, 'message.new', { message: message('g', 1, '3', { text: 'team news', createdAt: new Date().toISOString() }) });
    await waitFor(() => expect(document.title).toBe('(3) Echos'));

    await user.click(screen.getAllByTestId('conversation-item').find((i) => i.getAttribute('data-conversation-id') === 'a')!);
    await waitFor(() => expect(ws.frames('read')).toEqual([{ type: 'read', data: { conversationId: 'a', seq: 3 } }]));
    await waitFor(() => expect(document.title).toBe('(1) Echos'));
  });

  it('marks the first unread message with a "New messages" divider that stays while the conversation is open', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [direct()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    renderApp('/c/a');
    const ws = await openSocket();
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    const list = screen.getByTestId('message-list');
    const order = () =>
      Array.from(list.querySelectorAll('[data-testid="message"], [data-testid="unread-divider"]')).map((e) =>
        e.getAttribute('data-testid') === 'unread-divider' ? 'divider' : e.textContent,
      );
    // Read up to seq 1; seq 2 is mine, so the first unread is Bob's seq 3.
    expect(screen.getByTestId('unread-divider')).toHaveTextContent('New messages');
    expect(order().indexOf('divider')).toBe(2);
    serverSends(ws, 'message.new', { message: message('a', 4, '2', { text: 'more', createdAt: new Date().toISOString() }) });
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(4));
    expect(order().indexOf('divider')).toBe(2);
  });

  it('offers "jump to latest" when scrolled up, counting what arrived meanwhile', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [direct({ lastReadSeq: 3, unreadCount: 0 })] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    const { user } = renderApp('/c/a');
    const ws = await openSocket();
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    expect(screen.queryByTestId('unread-divider')).not.toBeInTheDocument();
    const list = screen.getByTestId('message-list');
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 2000 });
    Object.defineProperty(list, 'clientHeight', { configurable: true, value: 500 });
    expect(screen.queryByTestId('jump-to-latest')).not.toBeInTheDocument();

    list.scrollTop = 600;
    fireEvent.scroll(list);
    const jump = await screen.findByTestId('jump-to-latest');
    expect(jump).toHaveAccessibleName('Jump to latest');
    serverSends(ws, 'message.new', { message: message('a', 4, '2', { text: 'one', createdAt: new Date().toISOString() }) });
    serverSends(ws, 'message.new', { message: message('a', 5, '2', { text: 'two', createdAt: new Date().toISOString() }) });
    await waitFor(() => expect(screen.getByTestId('jump-to-latest-count')).toHaveTextContent('2'));
    expect(jump).toHaveAccessibleName('Jump to latest, 2 new');

    await user.click(jump);
    expect(list.scrollTop).toBe(2000);
    expect(screen.queryByTestId('jump-to-latest')).not.toBeInTheDocument();
  });

  it('opens a thread: history, read receipt, presence, live messages, typing', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [direct()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    const { user } = renderApp('/');
    const ws = await openSocket();
    await user.click(await screen.findByTestId('conversation-item'));

    const thread = await screen.findByTestId('thread');
    expect(thread).toHaveAttribute('data-conversation-id', 'a');
    expect(screen.getByTestId('thread-title')).toHaveTextContent('Bob Stone');
    expect(screen.getByTestId('presence-status')).toHaveTextContent('Online');
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    const [first, mine] = screen.getAllByTestId('message');
    expect(first).toHaveAttribute('data-mine', 'false');
    expect(mine).toHaveAttribute('data-mine', 'true');
    expect(mine).toHaveAttribute('data-status', 'read');

    // Seen: `read` for the newest seq, badge gone.
    await waitFor(() => expect(ws.frames('read')).toEqual([{ type: 'read', data: { conversationId: 'a', seq: 3 } }]));
    expect(screen.queryByTestId('unread-badge')).not.toBeInTheDocument();

    serverSends(ws, 'typing', { conversationId: 'a', userId: '2' });
    expect(screen.getByTestId('typing-indicator')).toHaveTextContent('Bob is typing…');

    serverSends(ws, 'message.new', {
      message: message('a', 4, '2', { text: '<img src=x onerror=alert(1)>', createdAt: new Date().toISOString() }),
    });
    const texts = screen.getAllByTestId('message-text').map((t) => t.textContent);
    expect(texts[texts.length - 1]).toBe('<img src=x onerror=alert(1)>');
    expect(screen.queryByTestId('typing-indicator')).not.toBeInTheDocument();
    await waitFor(() => expect(ws.frames('read').at(-1)?.data).toEqual({ conversationId: 'a', seq: 4 }));
    expect(screen.queryByTestId('unread-badge')).not.toBeInTheDocument();

    serverSends(ws, 'presence', { userId: '2', online: false, lastSeenAt: new Date().toISOString() });
    expect(screen.getByTestId('presence-status')).toHaveTextContent(/last seen/i);
  });

  it('sends a message: pending, then sent, delivered and read ticks', async () => {
    stubFetch({
      'GET /api/conversations': json(200, {
        conversations: [direct({ unreadCount: 0, lastReadSeq: 3, members: [adaMember(), bob({ deliveredSeq: 3, readSeq: 3 })] })],
      }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    const { user } = renderApp('/c/a');
    const ws = await openSocket();
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));

    await user.type(screen.getByTestId('composer-input'), 'Hello Bob{Enter}');
    expect(screen.getByTestId('composer-input')).toHaveValue('');
    const sent = ws.frames('message.send');
    expect(sent).toHaveLength(1);
    const clientId = sent[0].data.clientId as string;
    expect(sent[0].data).toMatchObject({ conversationId: 'a', text: 'Hello Bob' });

    let last = screen.getAllByTestId('message').at(-1)!;
    expect(last).toHaveAttribute('data-status', 'pending');
    expect(last).toHaveAttribute('data-seq', '');
    expect(last).toHaveTextContent('Hello Bob');

    serverSends(ws, 'message.ack', { clientId, message: message('a', 4, ME, { clientId, text: 'Hello Bob' }) });
    last = screen.getAllByTestId('message').at(-1)!;
    expect(screen.getAllByTestId('message')).toHaveLength(4);
    expect(last).toHaveAttribute('data-seq', '4');
    expect(last).toHaveAttribute('data-status', 'sent');

    serverSends(ws, 'receipt', { conversationId: 'a', userId: '2', deliveredSeq: 4, readSeq: 3 });
    expect(screen.getAllByTestId('message').at(-1)).toHaveAttribute('data-status', 'delivered');
    serverSends(ws, 'receipt', { conversationId: 'a', userId: '2', deliveredSeq: 4, readSeq: 4 });
    expect(screen.getAllByTestId('message').at(-1)).toHaveAttribute('data-status', 'read');
  });

  it('shows the connection banner only while not connected', async () => {
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [] }) });
    renderApp('/');
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    expect(screen.getByTestId('connection-banner')).toHaveTextContent(/connecting/i);
    const ws = await openSocket();
    expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument();
    act(() => ws.serverClose());
    expect(screen.getByTestId('connection-banner')).toHaveTextContent(/reconnecting/i);
  });

  it('a deep link to an unknown conversation asks the server, then goes back to the list', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [] }),
      'GET /api/conversations/nope': apiError(404, 'not_found', 'Not found'),
    });
    renderApp('/c/nope');
    expect(await screen.findByText('Select a conversation')).toBeInTheDocument();
    expect(screen.getByTestId('toast')).toHaveTextContent(/does not exist/);
  });

  it('starts a direct chat from the user search', async () => {
    const created = conversation('d1', { name: 'Bob Stone' });
    const fetchMock = stubFetch({
      'GET /api/conversations': json(200, { conversations: [] }),
      'GET /api/users?query=bo&limit=20': json(200, { users: [{ id: '2', fullName: 'Bob Stone', avatarUrl: null }] }),
      'POST /api/conversations/direct': json(201, { conversation: created }),
      'GET /api/conversations/d1/messages?limit=50': json(200, { messages: [], nextBefore: null }),
    });
    const { user } = renderApp('/');
    await screen.findByTestId('conversations-empty');
    await user.click(screen.getByTestId('new-chat'));
    await user.type(screen.getByTestId('user-search-input'), 'bo');
    const result = await screen.findByTestId('user-search-result');
    expect(result).toHaveTextContent('Bob Stone');
    // Debounced: one request for "bo", not one per keystroke.
    expect(fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/users'))).toHaveLength(1);
    await user.click(result);
    expect(await screen.findByTestId('thread')).toHaveAttribute('data-conversation-id', 'd1');
    expect(screen.getByTestId('thread-title')).toHaveTextContent('Bob Stone');
    expect(screen.getByTestId('conversation-item')).toHaveAttribute('data-conversation-id', 'd1');
    expect(screen.queryByTestId('user-search-input')).not.toBeInTheDocument();
    expect(await screen.findByTestId('thread-empty')).toBeInTheDocument();
  });

  it('creates a group, shows "Seen by", and handles a forbidden rename', async () => {
    const created = team({ id: 'g2', name: 'Launch team' });
    const fetchMock = stubFetch({
      'GET /api/conversations': json(200, { conversations: [] }),
      'GET /api/users?query=b&limit=20': json(200, { users: [{ id: '2', fullName: 'Bob Stone', avatarUrl: null }] }),
      'GET /api/users?query=c&limit=20': json(200, { users: [{ id: '3', fullName: 'Cat Woods', avatarUrl: null }] }),
      'POST /api/conversations/groups': json(201, { conversation: created }),
      'GET /api/conversations/g2/messages?limit=50': json(200, { messages: [], nextBefore: null }),
      'PATCH /api/conversations/g2': apiError(403, 'forbidden', 'Only owners and admins can rename.'),
    });
    const { user } = renderApp('/');
    const ws = await openSocket();
    await user.click(screen.getByTestId('new-group'));
    await user.type(screen.getByTestId('group-name'), 'Launch team');
    await user.type(screen.getByTestId('group-member-search'), 'b');
    await user.click(await screen.findByTestId('group-member-option'));
    await user.clear(screen.getByTestId('group-member-search'));
    await user.type(screen.getByTestId('group-member-search'), 'c');
    await waitFor(() => expect(screen.getByTestId('group-member-option')).toHaveTextContent('Cat Woods'));
    await user.click(screen.getByTestId('group-member-option'));
    await user.click(screen.getByTestId('group-create'));

    const body = JSON.parse(fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')![1]!.body as string);
    expect(body).toEqual({ name: 'Launch team', memberIds: ['2', '3'] });
    expect(await screen.findByTestId('thread')).toHaveAttribute('data-conversation-id', 'g2');
    expect(screen.getByTestId('thread-title')).toHaveTextContent('Launch team');

    // My message, read by Bob.
    serverSends(ws, 'message.new', { message: message('g2', 1, ME, { createdAt: new Date().toISOString() }) });
    serverSends(ws, 'message.new', { message: message('g2', 2, '3', { createdAt: new Date().toISOString() }) });
    expect(screen.queryByTestId('seen-by')).not.toBeInTheDocument();
    serverSends(ws, 'receipt', { conversationId: 'g2', userId: '2', deliveredSeq: 2, readSeq: 2 });
    expect(screen.getByTestId('seen-by')).toHaveTextContent('Seen by Bob');
    expect(screen.getAllByText('Cat Woods').length).toBeGreaterThan(0); // sender name in groups

    await user.click(screen.getByTestId('group-info-button'));
    const info = screen.getByTestId('group-info');
    expect(within(info).getAllByTestId('group-member')).toHaveLength(3);
    await user.clear(screen.getByTestId('group-rename-input'));
    await user.type(screen.getByTestId('group-rename-input'), 'Rocket team');
    await user.click(screen.getByTestId('group-rename-save'));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Only owners and admins can rename.');
    expect(screen.getByTestId('thread-title')).toHaveTextContent('Launch team');
  });

  it('leaves a group from the info panel and returns to the list', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [team()] }),
      'GET /api/conversations/g/messages?limit=50': json(200, { messages: [], nextBefore: null }),
      [`DELETE /api/conversations/g/members/${ME}`]: new Response(null, { status: 204 }),
    });
    const { user } = renderApp('/c/g');
    await user.click(await screen.findByTestId('group-info-button'));
    await user.click(screen.getByTestId('group-leave'));
    expect(await screen.findByText('Select a conversation')).toBeInTheDocument();
    expect(screen.queryByTestId('conversation-item')).not.toBeInTheDocument();
    expect(screen.getByTestId('toast')).toHaveTextContent('You left Launch team');
  });

  it('has a back button to the list (phone layout)', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [direct()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
      'POST /api/conversations/a/read': new Response(null, { status: 204 }),
    });
    const { user } = renderApp('/c/a');
    await user.click(await screen.findByTestId('thread-back'));
    expect(screen.getByText('Select a conversation')).toBeInTheDocument();
    expect(screen.queryByTestId('thread')).not.toBeInTheDocument();
  });
});

describe('images and avatars in the chat', () => {
  const image = { id: 'img1', url: '/api/media/img1', thumbnailUrl: '/api/media/img1/thumbnail', width: 800, height: 600 };
  const uploaded = { ...image, contentType: 'image/png', size: 2048 };
  const chat = (extra: Partial<Conversation> = {}) =>
    direct({ unreadCount: 0, lastReadSeq: 3, members: [adaMember(), bob({ deliveredSeq: 3, readSeq: 3 })], ...extra });

  it('sends an image: preview, upload progress, then message.send with the imageId; the ack shows the stored image', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [chat()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    const { user } = renderApp('/c/a');
    const ws = await openSocket();
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));

    await user.upload(screen.getByTestId('composer-file-input'), imageFile('cat.png'));
    expect(screen.getByTestId('attachment-preview')).toBeInTheDocument();
    await user.type(screen.getByTestId('composer-input'), 'our cat{Enter}');
    expect(screen.queryByTestId('attachment-preview')).not.toBeInTheDocument();

    // Pending: the local preview with a progress bar; nothing on the socket yet.
    const xhr = FakeXMLHttpRequest.last();
    expect([xhr.method, xhr.url, xhr.file()?.name]).toEqual(['POST', '/api/media', 'cat.png']);
    let last = screen.getAllByTestId('message').at(-1)!;
    expect(last).toHaveAttribute('data-status', 'pending');
    expect(within(last).getByTestId('message-image').getAttribute('src')).toMatch(/^blob:/);
    expect(within(last).getByTestId('message-image')).toHaveAttribute('alt', 'our cat');
    expect(within(last).getByTestId('message-text')).toHaveTextContent('our cat');
    act(() => xhr.progress(1500, 2048));
    expect(within(last).getByTestId('upload-progress')).toHaveAttribute('value', '73');
    expect(ws.frames('message.send')).toEqual([]);

    await act(async () => xhr.respond(201, uploaded));
    const sent = ws.frames('message.send');
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ conversationId: 'a', text: 'our cat', imageId: 'img1' });
    expect(screen.queryByTestId('upload-progress')).not.toBeInTheDocument();

    const clientId = sent[0].data.clientId as string;
    serverSends(ws, 'message.ack', { clientId, message: message('a', 4, ME, { clientId, text: 'our cat', image }) });
    last = screen.getAllByTestId('message').at(-1)!;
    expect(last).toHaveAttribute('data-seq', '4');
    expect(within(last).getByTestId('message-image')).toHaveAttribute('src', '/api/media/img1/thumbnail');
    expect(screen.getByTestId('conversation-item')).toHaveTextContent('You: 📷 our cat');
  });

  it('a failed upload toasts the server message and offers a retry that uploads again', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [chat()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    const { user } = renderApp('/c/a');
    const ws = await openSocket();
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    await user.upload(screen.getByTestId('composer-file-input'), imageFile());
    await user.click(screen.getByTestId('composer-send'));

    await act(async () =>
      FakeXMLHttpRequest.last().respond(415, { error: { code: 'unsupported_media_type', message: 'Only JPEG, PNG, WebP and GIF images are supported.' } }),
    );
    expect(screen.getByTestId('toast')).toHaveTextContent('Only JPEG, PNG, WebP and GIF images are supported.');
    const last = screen.getAllByTestId('message').at(-1)!;
    expect(last).toHaveAttribute('data-status', 'failed');

    await user.click(within(last).getByTestId('message-retry'));
    expect(FakeXMLHttpRequest.instances).toHaveLength(2);
    expect(screen.getAllByTestId('message').at(-1)).toHaveAttribute('data-status', 'pending');
    await act(async () => FakeXMLHttpRequest.last().respond(201, uploaded));
    expect(ws.frames('message.send').map((f) => f.data.imageId)).toEqual(['img1']);
  });

  it('an image dropped anywhere on the thread is attached', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [chat()] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
    });
    renderApp('/c/a');
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    const list = screen.getByTestId('message-list');
    const dataTransfer = { files: [imageFile('dropped.gif', 'image/gif')], items: [], types: ['Files'] };
    fireEvent.dragEnter(list, { dataTransfer });
    expect(screen.getByTestId('drop-overlay')).toBeInTheDocument();
    fireEvent.drop(list, { dataTransfer });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    expect(screen.getByTestId('attachment-preview')).toBeInTheDocument();
    expect(screen.getByText('dropped.gif')).toBeInTheDocument();
  });

  it('shows received images with alt text and opens them in the lightbox', async () => {
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [chat({ lastMessage: message('a', 3, '2', { text: '', image }) })] }),
      'GET /api/conversations/a/messages?limit=50': json(200, {
        messages: [message('a', 3, '2', { text: '', image }), message('a', 2, ME), message('a', 1, '2')],
        nextBefore: null,
      }),
    });
    const { user } = renderApp('/c/a');
    expect(await screen.findByTestId('conversation-item')).toHaveTextContent('📷 Photo');
    const img = await screen.findByTestId('message-image');
    expect(img).toHaveAttribute('alt', 'Image from Bob Stone');
    expect(img).toHaveAttribute('width', '320');
    expect(img).toHaveAttribute('height', '240');
    await user.click(img);
    expect(screen.getByTestId('lightbox-image')).toHaveAttribute('src', '/api/media/img1');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('lightbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('thread')).toBeInTheDocument(); // Esc closed only the lightbox
  });

  it('shows avatars in the navbar, the list, the thread header and search results', async () => {
    useAuth.setState({ user: { ...ada, avatarUrl: '/api/media/me' } });
    stubFetch({
      'GET /api/conversations': json(200, { conversations: [chat({ members: [adaMember(), bob({ avatarUrl: '/api/media/bob' })] })] }),
      'GET /api/conversations/a/messages?limit=50': json(200, history),
      'GET /api/users?query=bo&limit=20': json(200, { users: [{ id: '2', fullName: 'Bob Stone', avatarUrl: '/api/media/bob' }] }),
    });
    const { user } = renderApp('/c/a');
    expect(within(screen.getByTestId('user-menu')).getByTestId('user-menu-avatar')).toHaveAttribute('src', '/api/media/me');
    const item = await screen.findByTestId('conversation-item');
    expect(item.querySelector('img')).toHaveAttribute('src', '/api/media/bob');
    const header = screen.getByTestId('thread-title').closest('header')!;
    expect(header.querySelector('img')).toHaveAttribute('src', '/api/media/bob');

    await user.click(screen.getByTestId('new-chat'));
    await user.type(screen.getByTestId('user-search-input'), 'bo');
    expect((await screen.findByTestId('user-search-result')).querySelector('img')).toHaveAttribute('src', '/api/media/bob');
  });
});
