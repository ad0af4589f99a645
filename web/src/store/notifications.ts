import { create } from 'zustand';
import type { Conversation, Message } from '../lib/chatTypes';
import {
  notificationPermission,
  requestNotificationPermission,
  showNotification,
  type NotificationPermissionState,
} from '../lib/notifications';
import { isPageActive } from '../lib/pageActive';
import { messagePreview } from '../chat/ConversationItem';
import { firstName } from '../chat/people';
import { isMuted, myId, useConversations } from './conversations';
import { useUi } from './ui';

/** This browser's choice (not the account's: each device decides whether it pops notifications up). */
export const NOTIFICATIONS_KEY = 'echos-notifications';
const BODY_MAX = 140;
const ICON = '/favicon.svg';

function storedEnabled(): boolean {
  try {
    return localStorage.getItem(NOTIFICATIONS_KEY) === 'on';
  } catch {
    return false;
  }
}

function store(on: boolean) {
  try {
    if (on) localStorage.setItem(NOTIFICATIONS_KEY, 'on');
    else localStorage.removeItem(NOTIFICATIONS_KEY);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

export interface NotificationsState {
  /** The user turned desktop notifications on in this browser. */
  enabled: boolean;
  permission: NotificationPermissionState;
  /** The browser's permission prompt is open. */
  requesting: boolean;
  /** On asks the browser for permission first (never done on load); refused → stays off. */
  setEnabled: (on: boolean) => Promise<boolean>;
  /** Reads the permission again (the user may have changed it in the browser's site settings). */
  refreshPermission: () => void;
}

export const useNotifications = create<NotificationsState>()((set, get) => ({
  enabled: storedEnabled(),
  permission: notificationPermission(),
  requesting: false,

  setEnabled: async (on) => {
    if (!on) {
      store(false);
      set({ enabled: false });
      return true;
    }
    if (get().requesting) return false;
    let permission = notificationPermission();
    if (permission === 'default') {
      set({ requesting: true });
      permission = await requestNotificationPermission();
    }
    const granted = permission === 'granted';
    store(granted);
    set({ enabled: granted, permission, requesting: false });
    return granted;
  },

  refreshPermission: () => set({ permission: notificationPermission() }),
}));

/** Notifications are on and the browser allows them. */
export function notificationsActive(s: Pick<NotificationsState, 'enabled' | 'permission'>): boolean {
  return s.enabled && s.permission === 'granted';
}

export interface NotifyContext {
  active: boolean;
  me: string | null;
  /** The conversation as we had it before this message, if we know it. */
  conversation: Conversation | undefined;
  /** Its thread is open and the user is looking at this tab. */
  viewing: boolean;
  now: number;
}

/** A live message from someone else, new to us, in a conversation not muted and not in view. */
export function shouldNotify(message: Message, ctx: NotifyContext): boolean {
  if (!ctx.active || message.deleted || message.senderId === ctx.me || ctx.viewing) return false;
  const c = ctx.conversation;
  if (!c) return true;
  return message.seq > c.lastSeq && !isMuted(c, ctx.now);
}

function snippet(message: Message): string {
  const text = messagePreview(message).replace(/^📷 /, '');
  const chars = Array.from(text);
  return chars.length > BODY_MAX ? `${chars.slice(0, BODY_MAX - 1).join('')}…` : text;
}

/** Title and body: the person (direct) or the group with the sender's first name. */
export function notificationText(message: Message, c: Conversation | undefined): { title: string; body: string } {
  const body = snippet(message);
  if (!c) return { title: 'New message', body };
  if (c.type === 'direct') return { title: c.name, body };
  const sender = c.members.find((m) => m.id === message.senderId);
  return { title: c.name, body: sender ? `${firstName(sender.fullName)}: ${body}` : body };
}

type Opener = (conversationId: string) => void;
let opener: Opener | null = null;

/** The chat registers how to open a conversation in the app (its router); without one the page loads it. */
export function setConversationOpener(open: Opener | null) {
  opener = open;
}

function openConversation(id: string) {
  window.focus();
  if (opener) opener(id);
  else window.location.assign(`/c/${encodeURIComponent(id)}`);
}

/**
 * Called for each live `message.new` (not for `sync` replays, history pages, edits or deletes), before the
 * stores apply it. Returns whether a notification was shown.
 */
export function notifyLiveMessage(message: Message): boolean {
  const cid = message.conversationId;
  const conversation = useConversations.getState().byId[cid];
  const ctx: NotifyContext = {
    active: notificationsActive(useNotifications.getState()),
    me: myId(),
    conversation,
    viewing: useUi.getState().selectedId === cid && isPageActive(),
    now: Date.now(),
  };
  if (!shouldNotify(message, ctx)) return false;
  const { title, body } = notificationText(message, conversation);
  return showNotification({ title, body, tag: cid, icon: ICON, onClick: () => openConversation(cid) });
}
