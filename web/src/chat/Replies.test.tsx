import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../lib/chatTypes';
import { quoteOf } from '../lib/chatTypes';
import { useAuth } from '../store/auth';
import { adaMember, bob, conversation, deleted, message, ME } from '../test/chat';
import { FakeWebSocket } from '../test/fakeSocket';
import { ada, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

const direct = (last: Message, extra: Partial<Conversation> = {}) =>
  conversation('a', {
    lastSeq: last.seq,
    lastChange: 0,
    lastMessage: last,
    lastReadSeq: last.seq,
    members: [adaMember({ deliveredSeq: last.seq, readSeq: last.seq }), bob({ deliveredSeq: last.seq, readSeq: last.seq })],
    ...extra,
  });

async function openChat(conversations: Conversation[], routes: Record<string, Response>, path = '/c/a', shown?: number) {
  stubFetch({ 'GET /api/conversations': json(200, { conversations }), ...routes });
  const utils = renderApp(path);
  await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
  const ws = FakeWebSocket.last();
  act(() => ws.open());
  if (shown !== undefined) await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(shown));
  return { ws, ...utils };
}

const page = (messages: Message[], nextBefore: number | null) => json(200, { messages: [...messages].reverse(), nextBefore });
const bubble = (seq: number) => screen.getAllByTestId('message').find((b) => b.getAttribute('data-seq') === String(seq))!;

describe('replies', () => {
  it('replies from the message menu: the composer shows what is quoted and the send carries replyTo', async () => {
    const m1 = message('a', 1, '2', { text: 'lunch at noon?' });
    const { ws, user } = await openChat([direct(m1)], { 'GET /api/conversations/a/messages?limit=50': page([m1], null) }, '/c/a', 1);

    await user.click(within(bubble(1)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-reply'));
    const bar = screen.getByTestId('composer-reply');
    expect(bar).toHaveTextContent('Replying to Bob');
    expect(bar).toHaveTextContent('lunch at noon?');

    // Esc in the input cancels the reply; Reply again and send.
    await user.type(screen.getByTestId('composer-input'), '{Escape}');
    expect(screen.queryByTestId('composer-reply')).not.toBeInTheDocument();
    await user.click(within(bubble(1)).getByTestId('message-menu'));
    await user.click(screen.getByTestId('message-reply'));
    await user.type(screen.getByTestId('composer-input'), 'yes!{Enter}');

    const sent = ws.frames('message.send');
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ conversationId: 'a', text: 'yes!', replyTo: m1.id });
    expect(screen.queryByTestId('composer-reply')).not.toBeInTheDocument();
    // The pending bubble already shows the quote.
    const pending = screen.getAllByTestId('message').find((b) => b.getAttribute('data-seq') === '')!;
    expect(within(pending).getByTestId('message-quote')).toHaveTextContent('Bob');
    expect(within(pending).getByTestId('message-quote')).toHaveTextContent('lunch at noon?');
  });

  it('a reply to a message deleted later shows "Deleted message" as soon as the deletion arrives', async () => {
    const m1 = message('a', 1, ME, { text: 'oops, wrong chat' });
    const m2 = message('a', 2, '2', { text: 'what?', replyTo: quoteOf(m1) });
    const { ws } = await openChat([direct(m2)], { 'GET /api/conversations/a/messages?limit=50': page([m1, m2], null) }, '/c/a', 2);
    const quote = within(bubble(2)).getByTestId('message-quote');
    expect(quote).toHaveTextContent('You');
    expect(quote).toHaveTextContent('oops, wrong chat');

    act(() => ws.receive({ type: 'message.updated', data: { message: deleted(m1, 1), changeSeq: 1 } }));
    const gone = within(bubble(2)).getByTestId('message-quote');
    expect(gone).toHaveAttribute('data-deleted', 'true');
    expect(gone).toHaveTextContent('Deleted message');
    expect(gone).not.toHaveTextContent('oops');
  });

  it('a click on a quote loads older history until the original is there, then marks it', async () => {
    const old = message('a', 3, '2', { text: 'the original, far back' });
    const older = Array.from({ length: 50 }, (_, i) => (i + 3 === 3 ? old : message('a', i + 3, '2')));
    const latest = Array.from({ length: 50 }, (_, i) => message('a', i + 53, i === 49 ? ME : '2'));
    latest[49] = { ...latest[49], text: 'about that', replyTo: quoteOf(old) };
    const fetched = await openChat(
      [direct(latest[49])],
      {
        'GET /api/conversations/a/messages?limit=50': page(latest, 53),
        'GET /api/conversations/a/messages?before=53&limit=100': page(older, 3),
      },
      '/c/a',
      50,
    );
    expect(screen.queryAllByTestId('message').some((b) => b.getAttribute('data-seq') === '3')).toBe(false);
    await fetched.user.click(within(bubble(102)).getByTestId('message-quote'));
    await waitFor(() => expect(bubble(3)).toHaveAttribute('data-highlighted', 'true'));
  });

  it('opening /c/<id>?at=<seq> marks that message', async () => {
    const msgs = [message('a', 1, '2', { text: 'first' }), message('a', 2, '2', { text: 'second' })];
    await openChat([direct(msgs[1])], { 'GET /api/conversations/a/messages?limit=50': page(msgs, null) }, '/c/a?at=1', 2);
    await waitFor(() => expect(bubble(1)).toHaveAttribute('data-highlighted', 'true'));
    expect(bubble(2)).not.toHaveAttribute('data-highlighted');
  });
});
