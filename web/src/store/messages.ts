import { create } from 'zustand';
import { api } from '../lib/api';
import { MESSAGE_MAX, type Message } from '../lib/chatTypes';
import { getSocket } from '../lib/socketRef';
import { charCount } from '../auth/validation';
import { reportError } from './failures';

export const PAGE_SIZE = 50;

export type PendingStatus = 'pending' | 'failed';

/** A message typed here that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  conversationId: string;
  text: string;
  createdAt: string;
  status: PendingStatus;
  error: string | null;
}

export interface Thread {
  /** Stored messages, ascending by seq, no duplicates. */
  messages: Message[];
  /** Not yet acknowledged, in the order they were typed. */
  pending: PendingMessage[];
  /** The newest page has been fetched. */
  loaded: boolean;
  loading: boolean;
  loadingOlder: boolean;
  /** `before` for the next older page; null when there is nothing older (once loaded). */
  nextBefore: number | null;
  error: string | null;
  /**
   * For a loaded thread: every message up to this seq is here (no gaps), so `sync` asks from here.
   * Messages after a gap do not move it, so a missed message is fetched again after reconnecting.
   */
  syncedSeq: number;
}

export const emptyThread: Thread = {
  messages: [],
  pending: [],
  loaded: false,
  loading: false,
  loadingOlder: false,
  nextBefore: null,
  error: null,
  syncedSeq: 0,
};

interface Page {
  messages: Message[];
  nextBefore: number | null;
}

export interface MessagesState {
  threads: Record<string, Thread>;

  /** Fetches the newest page once per conversation (later messages come over the socket). */
  loadLatest: (conversationId: string) => Promise<void>;
  /** Fetches the page before the oldest loaded message (`?before=`). */
  loadOlder: (conversationId: string) => Promise<void>;
  /** Adds a stored message (message.new / sync / ack); returns false if it was already here. */
  receive: (message: Message) => boolean;
  /** The server stored our message: replaces the pending copy. Returns whether it was new. */
  ack: (clientId: string, message: Message) => boolean;
  /** Validates, adds a pending message and hands it to the socket outbox. */
  send: (conversationId: string, text: string) => PendingMessage | null;
  /** Sends a refused message again with the same clientId. */
  retry: (conversationId: string, clientId: string) => void;
  /** The server refused a message (error frame): show it as failed with a retry button. */
  fail: (clientId: string, error: string) => boolean;
  has: (conversationId: string, seq: number) => boolean;
  drop: (conversationId: string) => void;
  reset: () => void;
}

/** Merges messages into an ascending, seq-unique list; returns the list and how many were new. */
export function mergeMessages(list: Message[], incoming: Message[]): { list: Message[]; added: number } {
  if (incoming.length === 1) {
    const m = incoming[0];
    const last = list[list.length - 1];
    if (!last || m.seq > last.seq) return { list: [...list, m], added: 1 };
  }
  const bySeq = new Map<number, Message>();
  for (const m of list) bySeq.set(m.seq, m);
  let added = 0;
  for (const m of incoming) {
    if (!bySeq.has(m.seq)) added++;
    bySeq.set(m.seq, m);
  }
  if (added === 0) return { list, added: 0 };
  return { list: [...bySeq.values()].sort((a, b) => a.seq - b.seq), added };
}

/** Moves syncedSeq over every message that directly follows it. */
export function advanceSynced(messages: Message[], syncedSeq: number): number {
  let seq = syncedSeq;
  for (const m of messages) {
    if (m.seq <= seq) continue;
    if (m.seq !== seq + 1) break;
    seq = m.seq;
  }
  return seq;
}

function newestFirstToAscending(messages: Message[]): Message[] {
  return [...messages].sort((a, b) => a.seq - b.seq);
}

function validText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && charCount(trimmed) <= MESSAGE_MAX;
}

export const useMessages = create<MessagesState>()((set, get) => {
  const thread = (id: string): Thread => get().threads[id] ?? emptyThread;
  const patch = (id: string, change: Partial<Thread> | ((t: Thread) => Partial<Thread>)) =>
    set((s) => {
      const current = s.threads[id] ?? emptyThread;
      const next = typeof change === 'function' ? change(current) : change;
      return { threads: { ...s.threads, [id]: { ...current, ...next } } };
    });

  const insert = (message: Message, clientIdToSettle?: string): boolean => {
    let isNew = false;
    patch(message.conversationId, (t) => {
      const { list, added } = mergeMessages(t.messages, [message]);
      isNew = added > 0;
      const settle = clientIdToSettle ?? message.clientId;
      const pending = t.pending.filter((p) => p.clientId !== settle);
      return {
        messages: list,
        pending: pending.length === t.pending.length ? t.pending : pending,
        syncedSeq: t.loaded ? advanceSynced(list, t.syncedSeq) : t.syncedSeq,
      };
    });
    return isNew;
  };

  return {
    threads: {},

    loadLatest: async (conversationId) => {
      const t = thread(conversationId);
      if (t.loaded || t.loading) return;
      patch(conversationId, { loading: true, error: null });
      try {
        const res = await api.get<Page>(
          `/api/conversations/${encodeURIComponent(conversationId)}/messages?limit=${PAGE_SIZE}`,
        );
        const page = newestFirstToAscending(res.messages ?? []);
        patch(conversationId, (cur) => {
          const { list } = mergeMessages(cur.messages, page);
          const pageMax = page.length > 0 ? page[page.length - 1].seq : 0;
          return {
            messages: list,
            loaded: true,
            loading: false,
            nextBefore: res.nextBefore ?? null,
            syncedSeq: advanceSynced(list, Math.max(cur.syncedSeq, pageMax)),
          };
        });
      } catch (err) {
        patch(conversationId, { loading: false, error: reportError(err) });
      }
    },

    loadOlder: async (conversationId) => {
      const t = thread(conversationId);
      if (!t.loaded || t.loadingOlder || t.nextBefore === null) return;
      patch(conversationId, { loadingOlder: true });
      try {
        const res = await api.get<Page>(
          `/api/conversations/${encodeURIComponent(conversationId)}/messages?before=${t.nextBefore}&limit=${PAGE_SIZE}`,
        );
        patch(conversationId, (cur) => ({
          messages: mergeMessages(cur.messages, res.messages ?? []).list,
          loadingOlder: false,
          nextBefore: res.nextBefore ?? null,
        }));
      } catch (err) {
        reportError(err);
        patch(conversationId, { loadingOlder: false });
      }
    },

    receive: (message) => insert(message),

    ack: (clientId, message) => insert(message, clientId),

    send: (conversationId, text) => {
      if (!validText(text)) return null;
      const pending: PendingMessage = {
        clientId: crypto.randomUUID(),
        conversationId,
        text,
        createdAt: new Date().toISOString(),
        status: 'pending',
        error: null,
      };
      patch(conversationId, (t) => ({ pending: [...t.pending, pending] }));
      // In the outbox until acknowledged: sent now if connected, else after reconnecting.
      getSocket()?.sendMessage({ conversationId, clientId: pending.clientId, text });
      return pending;
    },

    retry: (conversationId, clientId) => {
      const p = thread(conversationId).pending.find((x) => x.clientId === clientId);
      if (!p || p.status !== 'failed') return;
      patch(conversationId, (t) => ({
        pending: t.pending.map((x) => (x.clientId === clientId ? { ...x, status: 'pending', error: null } : x)),
      }));
      getSocket()?.sendMessage({ conversationId, clientId, text: p.text });
    },

    fail: (clientId, error) => {
      const entry = Object.entries(get().threads).find(([, t]) => t.pending.some((p) => p.clientId === clientId));
      if (!entry) return false;
      patch(entry[0], (t) => ({
        pending: t.pending.map((p) => (p.clientId === clientId ? { ...p, status: 'failed', error } : p)),
      }));
      return true;
    },

    has: (conversationId, seq) => {
      const list = get().threads[conversationId]?.messages;
      if (!list || list.length === 0) return false;
      // Binary search: the list is ascending by seq.
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].seq === seq) return true;
        if (list[mid].seq < seq) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },

    drop: (conversationId) =>
      set((s) => {
        if (!(conversationId in s.threads)) return s;
        const threads = { ...s.threads };
        delete threads[conversationId];
        return { threads };
      }),

    reset: () => set({ threads: {} }),
  };
});

/** Pending messages of every thread, oldest first (to refill a new socket's outbox). */
export function allPending(): PendingMessage[] {
  return Object.values(useMessages.getState().threads)
    .flatMap((t) => t.pending.filter((p) => p.status === 'pending'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
