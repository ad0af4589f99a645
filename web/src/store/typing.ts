import { create } from 'zustand';
import { getSocket } from '../lib/socketRef';

/** A typing indicator disappears this long after the last `typing` event. */
export const TYPING_TIMEOUT_MS = 5000;
/** We send `typing` at most this often per conversation. */
export const TYPING_THROTTLE_MS = 3000;

export interface TypingState {
  /** conversationId -> ids of users typing there, in the order they started. */
  byConversation: Record<string, string[]>;
  userTyping: (conversationId: string, userId: string) => void;
  userStopped: (conversationId: string, userId: string) => void;
  /** Our composer has input: sends `typing` unless one went out less than 3 s ago. */
  notifyTyping: (conversationId: string) => void;
  /** We sent a message: the next keystroke may announce typing again at once. */
  messageSent: (conversationId: string) => void;
  reset: () => void;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const lastSent = new Map<string, number>();
const key = (conversationId: string, userId: string) => `${conversationId}\u0000${userId}`;

export const useTyping = create<TypingState>()((set, get) => ({
  byConversation: {},

  userTyping: (conversationId, userId) => {
    const k = key(conversationId, userId);
    const existing = timers.get(k);
    if (existing) clearTimeout(existing);
    timers.set(
      k,
      setTimeout(() => get().userStopped(conversationId, userId), TYPING_TIMEOUT_MS),
    );
    const users = get().byConversation[conversationId] ?? [];
    if (!users.includes(userId)) {
      set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: [...users, userId] } }));
    }
  },

  userStopped: (conversationId, userId) => {
    const k = key(conversationId, userId);
    const existing = timers.get(k);
    if (existing) clearTimeout(existing);
    timers.delete(k);
    const users = get().byConversation[conversationId];
    if (!users?.includes(userId)) return;
    set((s) => {
      const byConversation = { ...s.byConversation };
      const rest = users.filter((u) => u !== userId);
      if (rest.length > 0) byConversation[conversationId] = rest;
      else delete byConversation[conversationId];
      return { byConversation };
    });
  },

  notifyTyping: (conversationId) => {
    const now = Date.now();
    const last = lastSent.get(conversationId);
    if (last !== undefined && now - last < TYPING_THROTTLE_MS) return;
    if (getSocket()?.send('typing', { conversationId })) lastSent.set(conversationId, now);
  },

  messageSent: (conversationId) => {
    lastSent.delete(conversationId);
  },

  reset: () => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    lastSent.clear();
    set({ byConversation: {} });
  },
}));
