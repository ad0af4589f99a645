import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation, Message } from '../lib/chatTypes';
import { adaMember, bob, cat, conversation, group, message, ME } from '../test/chat';
import { FakeNotification } from '../test/fakeNotification';
import { ada } from '../test/http';
import { useAuth } from './auth';
import { useConversations } from './conversations';
import { NOTIFICATIONS_KEY, setConversationOpener, useNotifications } from './notifications';
import { handleFrame } from './realtime';
import { useUi } from './ui';

const HOUR = 3_600_000;

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
  FakeNotification.install('granted');
  useNotifications.setState({ enabled: true, permission: 'granted', requesting: false });
  useConversations.getState().upsert(conversation('a', { lastSeq: 2 }));
  useConversations.getState().upsert(
    group('g', { name: 'Team', lastSeq: 0, members: [adaMember({ role: 'owner' }), bob(), cat()] }),
  );
});

afterEach(() => {
  useNotifications.setState(useNotifications.getInitialState(), true);
  setConversationOpener(null);
  window.dispatchEvent(new Event('focus'));
});

/** A live `message.new` as the server sends it (sync replays have no conversationType). */
function live(m: Message) {
  handleFrame({ type: 'message.new', data: { message: m, conversationType: 'direct' } });
}

function setConversation(id: string, change: Partial<Conversation>) {
  const c = useConversations.getState().byId[id];
  useConversations.setState((s) => ({ byId: { ...s.byId, [id]: { ...c, ...change } } }));
}

describe('desktop notifications for live messages', () => {
  it('shows one for a message from someone else in a conversation not open: name, snippet, tag, icon', () => {
    useUi.getState().select('g');
    live(message('a', 3, '2', { text: 'lunch  at\n noon?' }));
    expect(FakeNotification.shown).toHaveLength(1);
    const [n] = FakeNotification.shown;
    expect(n.title).toBe('Bob Stone');
    expect(n.options).toEqual({ body: 'lunch at noon?', tag: 'a', icon: '/favicon.svg' });
  });

  it('titles a group message with the group and the sender, and reads an image without caption as Photo', () => {
    live(
      message('g', 1, '3', {
        text: '',
        image: { id: 'i', url: '/i', thumbnailUrl: '/t', width: 1, height: 1 },
      }),
    );
    expect(FakeNotification.shown[0].title).toBe('Team');
    expect(FakeNotification.shown[0].options.body).toBe('Cat: Photo');
  });

  it('cuts a long text to a snippet', () => {
    live(message('a', 3, '2', { text: 'x'.repeat(500) }));
    const body = FakeNotification.shown[0].options.body!;
    expect(Array.from(body)).toHaveLength(140);
    expect(body.endsWith('…')).toBe(true);
  });

  it('stays quiet for my own messages (from my other tab)', () => {
    live(message('a', 3, ME));
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('stays quiet for the open conversation while the tab is looked at, but not once the window is left', () => {
    useUi.getState().select('a');
    live(message('a', 3, '2'));
    expect(FakeNotification.shown).toHaveLength(0);

    window.dispatchEvent(new Event('blur'));
    live(message('a', 4, '2'));
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('notifies for the open conversation when the tab is hidden', () => {
    useUi.getState().select('a');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      live(message('a', 3, '2'));
    } finally {
      visibility.mockRestore();
    }
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('stays quiet in a muted conversation, and speaks again once a timed mute ran out', () => {
    setConversation('a', { mutedForever: true });
    live(message('a', 3, '2'));
    expect(FakeNotification.shown).toHaveLength(0);

    setConversation('a', { mutedForever: false, mutedUntil: new Date(Date.now() + HOUR).toISOString() });
    live(message('a', 4, '2'));
    expect(FakeNotification.shown).toHaveLength(0);

    setConversation('a', { mutedUntil: new Date(Date.now() - 1000).toISOString() });
    live(message('a', 5, '2'));
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('stays quiet for sync replays, edits, deletes and a message it already had', () => {
    handleFrame({ type: 'message.new', data: { message: message('a', 3, '2') } });
    handleFrame({ type: 'message.updated', data: { message: message('a', 3, '2', { editedAt: new Date().toISOString() }), changeSeq: 1 } });
    handleFrame({ type: 'message.updated', data: { message: message('a', 3, '2', { deleted: true, text: null }), changeSeq: 2 } });
    live(message('a', 3, '2'));
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('stays quiet when turned off or when the browser took the permission back', () => {
    useNotifications.setState({ enabled: false });
    live(message('a', 3, '2'));
    useNotifications.setState({ enabled: true, permission: 'denied' });
    FakeNotification.permission = 'denied';
    live(message('a', 4, '2'));
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('a click focuses the window, opens the conversation and closes the notification', () => {
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    const opened: string[] = [];
    setConversationOpener((id) => opened.push(id));
    live(message('a', 3, '2'));
    FakeNotification.shown[0].click();
    expect(focus).toHaveBeenCalled();
    expect(opened).toEqual(['a']);
    expect(FakeNotification.shown[0].closed).toBe(true);
  });

  it('never throws when the browser refuses page notifications (a service-worker-only browser)', () => {
    vi.stubGlobal(
      'Notification',
      Object.assign(
        function Refusing() {
          throw new TypeError('Illegal constructor');
        },
        { permission: 'granted', requestPermission: async () => 'granted' },
      ),
    );
    expect(() => live(message('a', 3, '2'))).not.toThrow();
    expect(useConversations.getState().byId.a.lastSeq).toBe(3);
  });
});

describe('notifications setting', () => {
  beforeEach(() => {
    useNotifications.setState({ enabled: false, permission: 'default' });
  });

  it('asks the browser when turned on, and remembers it in this browser', async () => {
    FakeNotification.install('default', 'granted');
    expect(await useNotifications.getState().setEnabled(true)).toBe(true);
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(useNotifications.getState()).toMatchObject({ enabled: true, permission: 'granted', requesting: false });
    expect(localStorage.getItem(NOTIFICATIONS_KEY)).toBe('on');

    await useNotifications.getState().setEnabled(false);
    expect(useNotifications.getState().enabled).toBe(false);
    expect(localStorage.getItem(NOTIFICATIONS_KEY)).toBeNull();
  });

  it('stays off when the browser says no', async () => {
    FakeNotification.install('default', 'denied');
    expect(await useNotifications.getState().setEnabled(true)).toBe(false);
    expect(useNotifications.getState()).toMatchObject({ enabled: false, permission: 'denied' });
    expect(localStorage.getItem(NOTIFICATIONS_KEY)).toBeNull();
  });

  it('does not ask again when permission was already granted', async () => {
    FakeNotification.install('granted');
    expect(await useNotifications.getState().setEnabled(true)).toBe(true);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
  });

  it('stays off in a browser without notifications', async () => {
    vi.stubGlobal('Notification', undefined);
    expect(await useNotifications.getState().setEnabled(true)).toBe(false);
    expect(useNotifications.getState().permission).toBe('unsupported');
  });
});
