import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../lib/chatTypes';
import { useAuth } from '../store/auth';
import { adaMember, bob, cat, conversation, deleted, edited, group, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { ada, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

const m1 = message('a', 1, '2', { text: 'hi Ada' });
const m2 = message('a', 2, ME, { text: 'helo Bob' });
const m3 = message('a', 3, '2', { text: 'are you there?' });

const direct = (extra: Partial<Conversation> = {}) =>
  conversation('a', {
    lastSeq: 3,
    lastChange: 0,
    lastMessage: m3,
    members: [adaMember({ deliveredSeq: 3, readSeq: 3 }), bob({ deliveredSeq: 3, readSeq: 3 })],
    ...extra,
  });

/** Opens /c/a (or the given path) with `messages` as its history and returns the open socket. */
async function openChat(conversations: Conversation[], messages: Message[], path = '/c/a') {
  const id = path.slice(3);
  stubFetch({
    'GET /api/conversations': json(200, { conversations }),
    [`GET /api/conversations/${id}/messages?limit=50`]: json(200, { messages: [...messages].reverse(), nextBefore: null }),
  });
  const utils = renderApp(path);
  await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
  const ws = FakeWebSocket.last();
  act(() => ws.open());
  await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(messages.length));
  return { ws, ...utils };
}

function serverSends(ws: FakeWebSocket, type: string, data: unknown, ref?: string) {
  act(() => ws.receive(ref ? { type, ref, data } : { type, data }));
}

const bubble = (seq: number) => screen.getAllByTestId('message').find((b) => b.getAttribute('data-seq') === String(seq))!;
const preview = () => screen.getByTestId('conversation-item');

describe('edited and deleted messages', () => {
  it('an edit from the server updates the text, shows "edited", and the list preview follows', async () => {
    const { ws } = await openChat([direct()], [m1, m2, m3]);
    expect(preview()).toHaveTextContent('are you there?');
    expect(within(bubble(3)).queryByTestId('message-edited')).not.toBeInTheDocument();

    serverSends(ws, 'message.updated', { message: edited(m3, 'are you there, Ada?', 1), changeSeq: 1 });
    expect(within(bubble(3)).getByTestId('message-text')).toHaveTextContent('are you there, Ada?');
    expect(within(bubble(3)).getByTestId('message-edited')).toHaveAttribute('title', expect.stringMatching(/^Edited /));
    expect(preview()).toHaveTextContent('are you there, Ada?');

    // An edit of an older message leaves the preview alone.
    serverSends(ws, 'message.updated', { message: edited(m1, 'hi Ada!', 2), changeSeq: 2 });
    expect(within(bubble(1)).getByTestId('message-text')).toHaveTextContent('hi Ada!');
    expect(preview()).toHaveTextContent('are you there, Ada?');
  });

  it('a tombstone shows "This message was deleted" in place, and so does the preview', async () => {
    const photo = message('a', 3, '2', {
      text: 'our cat',
      image: { id: 'i1', url: '/api/media/i1', thumbnailUrl: '/api/media/i1/thumbnail', width: 800, height: 600 },
    });
    const { ws } = await openChat([direct({ lastMessage: photo })], [m1, m2, photo]);
    expect(within(bubble(3)).getByTestId('message-image')).toBeInTheDocument();

    serverSends(ws, 'message.updated', { message: deleted(photo, 1), changeSeq: 1 });
    const tomb = bubble(3);
    expect(screen.getAllByTestId('message')).toHaveLength(3);
    expect(screen.getAllByTestId('message')[2]).toBe(tomb); // same place
    expect(within(tomb).getByTestId('message-deleted')).toHaveTextContent('This message was deleted');
    expect(within(tomb).queryByTestId('message-text')).not.toBeInTheDocument();
    expect(within(tomb).queryByTestId('message-image')).not.toBeInTheDocument();
    expect(preview()).toHaveTextContent('This message was deleted');
    expect(preview()).not.toHaveTextContent('our cat');

    // Replayed again by a sync: nothing changes.
    serverSends(ws, 'message.updated', { message: deleted(photo, 1), changeSeq: 1 });
    expect(screen.getAllByTestId('message-deleted')).toHaveLength(1);
  });

  it('edits my message in place: Enter sends message.edit and the answer settles it; Esc cancels', async () => {
    const { ws, user } = await openChat([direct()], [m1, m2, m3]);
    // Bob's, in a direct chat: only Reply
    await user.click(within(bubble(3)).getByTestId('message-menu'));
    expect(screen.getByTestId('message-reply')).toBeInTheDocument();
    expect(screen.queryByTestId('message-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('message-delete')).not.toBeInTheDocument();
    await user.keyboard('{Escape}');

    await user.hover(bubble(2));
    await user.click(within(bubble(2)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-edit'));
    const input = within(bubble(2)).getByTestId('message-edit-input');
    expect(input).toHaveValue('helo Bob');
    expect(input).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('message-edit-input')).not.toBeInTheDocument();
    expect(within(bubble(2)).getByTestId('message-text')).toHaveTextContent('helo Bob');
    expect(ws.frames('message.edit')).toEqual([]);

    await user.click(within(bubble(2)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-edit'));
    await user.clear(screen.getByTestId('message-edit-input'));
    await user.type(screen.getByTestId('message-edit-input'), 'hello Bob{Enter}');
    const sent = ws.frames('message.edit');
    expect(sent).toEqual([
      { type: 'message.edit', ref: expect.any(String), data: { conversationId: 'a', messageId: m2.id, text: 'hello Bob' } },
    ]);
    expect(screen.queryByTestId('message-edit-input')).not.toBeInTheDocument();
    expect(within(bubble(2)).getByTestId('message-text')).toHaveTextContent('hello Bob'); // shown at once

    serverSends(ws, 'message.updated', { message: edited(m2, 'hello Bob', 1), changeSeq: 1 }, sent[0].ref);
    expect(within(bubble(2)).getByTestId('message-text')).toHaveTextContent('hello Bob');
    expect(within(bubble(2)).getByTestId('message-edited')).toBeInTheDocument();
  });

  it("a refused edit shows the server's message and the stored text again", async () => {
    const { ws, user } = await openChat([direct()], [m1, m2, m3]);
    await user.click(within(bubble(2)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-edit'));
    await user.type(screen.getByTestId('message-edit-input'), '!{Enter}');
    const [frame] = ws.frames('message.edit');
    serverSends(ws, 'error', { code: 'not_found', message: 'Message not found.' }, frame.ref);
    expect(screen.getByTestId('toast')).toHaveTextContent("Couldn't edit the message: Message not found.");
    expect(within(bubble(2)).getByTestId('message-text')).toHaveTextContent('helo Bob');
  });

  it('asks for confirmation before sending message.delete', async () => {
    const { ws, user } = await openChat([direct()], [m1, m2, m3]);
    await user.click(within(bubble(2)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-delete'));
    expect(screen.getByRole('dialog', { name: 'Delete message?' })).toBeInTheDocument();
    expect(ws.frames('message.delete')).toEqual([]);
    await user.click(screen.getByTestId('cancel-delete'));
    expect(screen.queryByTestId('confirm-delete')).not.toBeInTheDocument();
    expect(ws.frames('message.delete')).toEqual([]);
    expect(within(bubble(2)).getByTestId('message-text')).toHaveTextContent('helo Bob');

    await user.click(within(bubble(2)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-delete'));
    await user.click(screen.getByTestId('confirm-delete'));
    const sent = ws.frames('message.delete');
    expect(sent).toEqual([{ type: 'message.delete', ref: expect.any(String), data: { conversationId: 'a', messageId: m2.id } }]);
    expect(screen.queryByTestId('confirm-delete')).not.toBeInTheDocument();
    expect(within(bubble(2)).getByTestId('message-deleted')).toBeInTheDocument();

    serverSends(ws, 'message.updated', { message: deleted(m2, 1), changeSeq: 1 }, sent[0].ref);
    expect(within(bubble(2)).getByTestId('message-deleted')).toBeInTheDocument();
    expect(within(bubble(2)).queryByTestId('message-menu')).not.toBeInTheDocument();
  });

  it('Up-arrow in the empty composer edits my last message', async () => {
    const m4 = message('a', 4, ME, { text: 'gone' });
    const { ws, user } = await openChat([direct({ lastSeq: 4, lastMessage: deleted(m4, 1) })], [m1, m2, m3, deleted(m4, 1)]);
    await user.click(screen.getByTestId('composer-input'));
    await user.keyboard('{ArrowUp}');
    // 4 is deleted, 3 is Bob's: my last editable message is 2.
    const input = within(bubble(2)).getByTestId('message-edit-input');
    expect(input).toHaveValue('helo Bob');
    await user.type(input, '!{Enter}');
    expect(ws.frames('message.edit')[0].data).toEqual({ conversationId: 'a', messageId: m2.id, text: 'helo Bob!' });
  });

  it("group owners and admins may delete others' messages; members may not", async () => {
    const g1 = message('g', 1, '2', { text: 'from Bob' });
    const g2 = message('g', 2, ME, { text: 'from Ada' });
    const team = (role: 'owner' | 'admin' | 'member') =>
      group('g', { lastSeq: 2, lastMessage: g2, members: [adaMember({ role, readSeq: 2, deliveredSeq: 2 }), bob({ role: role === 'owner' ? 'member' : 'owner' }), cat()] });
    const { ws, user } = await openChat([team('owner')], [g1, g2], '/c/g');

    await user.click(within(bubble(1)).getByTestId('message-menu'));
    expect(screen.getByTestId('message-delete')).toBeInTheDocument();
    expect(screen.queryByTestId('message-edit')).not.toBeInTheDocument(); // never someone else's text
    await user.keyboard('{Escape}');

    serverSends(ws, 'conversation.updated', { conversation: team('member') });
    await user.click(within(bubble(1)).getByTestId('message-menu'));
    expect(screen.queryByTestId('message-delete')).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(within(bubble(2)).getByTestId('message-menu'));
    expect(screen.getByTestId('message-edit')).toBeInTheDocument();
    expect(screen.getByTestId('message-delete')).toBeInTheDocument();
    await user.keyboard('{Escape}');

    serverSends(ws, 'conversation.updated', { conversation: team('admin') });
    await user.click(within(bubble(1)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-delete'));
    expect(screen.getByTestId('delete-message-dialog')).toHaveTextContent('deleted for everyone in the group');
    await user.click(screen.getByTestId('confirm-delete'));
    expect(ws.frames('message.delete').map((f) => f.data)).toEqual([{ conversationId: 'g', messageId: g1.id }]);
  });
});
