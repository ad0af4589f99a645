import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import type { Conversation, Member, Message, MuteDuration, Receipt, Role } from '../lib/chatTypes';
import { getSocket } from '../lib/socketRef';
import { useAuth } from './auth';
import { failed, reportError } from './failures';
import { idleForm, invalidForm, pendingForm, type FormState } from './forms';
import { isStaleUpdate, useMessages } from './messages';
import { usePresence } from './presence';
import { toast } from './toast';

export interface ListState {
  loading: boolean;
  loaded: boolean;
  error: string | null;
}

/** How far the edits and deletes (`changeSeq`, 1, 2, 3... per conversation) of one conversation got. */
export interface ChangeCursor {
  /** Every change up to this one has been applied: `sync` asks for the ones after it. */
  applied: number;
  /** Changes applied beyond a gap (they arrived out of order), ascending; they do not move `applied`. */
  ahead: number[];
}

const noChanges: ChangeCursor = { applied: 0, ahead: [] };

function settle(applied: number, ahead: number[]): ChangeCursor {
  const rest = ahead.filter((n) => n > applied).sort((a, b) => a - b);
  while (rest.length > 0 && rest[0] === applied + 1) applied = rest.shift()!;
  return { applied, ahead: rest };
}

/** One more change applied: `applied` moves only over a gap-free run (like the seq position). */
export function advanceChange(cursor: ChangeCursor, changeSeq: number): ChangeCursor {
  if (!(changeSeq > cursor.applied) || cursor.ahead.includes(changeSeq)) return cursor;
  return settle(cursor.applied, [...cursor.ahead, changeSeq]);
}

/** `sync.done`: every change up to `upTo` has been replayed. */
export function confirmChange(cursor: ChangeCursor, upTo: number): ChangeCursor {
  if (!(upTo > cursor.applied)) return cursor;
  return settle(upTo, cursor.ahead);
}

export interface ConversationsState {
  byId: Record<string, Conversation>;
  /**
   * Per conversation: the edits and deletes applied here. Starts from the conversation's
   * `lastChange` when it first shows up, then moves only with changes applied and `sync.done`.
   */
  changes: Record<string, ChangeCursor>;
  /** Conversation ids, most recent activity first. */
  ids: string[];
  list: ListState;
  /** POST /api/conversations/direct or /groups. */
  createForm: FormState;
  /** Group changes from the info panel (rename, members, roles, leave). */
  groupForm: FormState;
  /** PUT/DELETE /api/conversations/{id}/mute (failures are toasts). */
  muteForm: FormState;
  /** When mutes were last re-evaluated: moves when a timed mute runs out, so what depends on it re-renders. */
  muteClock: number;

  load: () => Promise<void>;
  /** GET /api/conversations/{id} (deep link to a conversation not in the list); null if not found. */
  fetchOne: (id: string) => Promise<Conversation | null>;
  upsert: (conversation: Conversation) => void;
  remove: (id: string) => Conversation | null;
  /** A new stored message: preview, order, unread badge. `viewing`: its thread is on screen. */
  applyMessage: (message: Message, viewing: boolean) => boolean;
  /**
   * An edited or deleted message (`message.updated`): the preview follows when it is the last
   * message, and `changeSeq` (when given) moves the change position. False if the conversation is unknown.
   */
  applyChange: (message: Message, changeSeq: number | null) => boolean;
  /** `sync.done`: the change positions the server replayed up to. */
  confirmChanges: (changes: Record<string, number>) => void;
  applyReceipt: (receipt: Receipt) => void;
  /** Marks the thread read up to its newest message (socket `read`, else POST /read). */
  markRead: (id: string) => void;
  /** A user's own change (e.g. my new avatar) in every conversation they are a member of. */
  patchMember: (userId: string, change: Partial<Pick<Member, 'fullName' | 'avatarUrl'>>) => void;

  createDirect: (userId: string) => Promise<Conversation | null>;
  createGroup: (name: string, memberIds: string[]) => Promise<Conversation | null>;
  rename: (id: string, name: string) => Promise<boolean>;
  addMembers: (id: string, userIds: string[]) => Promise<boolean>;
  removeMember: (id: string, userId: string) => Promise<boolean>;
  setRole: (id: string, userId: string, role: Exclude<Role, 'owner'>) => Promise<boolean>;
  leave: (id: string) => Promise<boolean>;
  mute: (id: string, duration: MuteDuration) => Promise<boolean>;
  unmute: (id: string) => Promise<boolean>;
  resetForm: (form: 'createForm' | 'groupForm' | 'muteForm') => void;
  reset: () => void;
}

export function myId(): string | null {
  const id = useAuth.getState().user?.id;
  return id === undefined || id === null ? null : String(id);
}

function time(iso: string | null | undefined): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

export function activityTime(c: Conversation): number {
  return Math.max(time(c.lastActivityAt), time(c.lastMessage?.createdAt), time(c.createdAt));
}

export function sortIds(byId: Record<string, Conversation>): string[] {
  return Object.values(byId)
    .sort((a, b) => activityTime(b) - activityTime(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => c.id);
}

function laterIso(a: string, b: string | null | undefined): string {
  return time(b) > time(a) ? (b as string) : a;
}

/** The same message, in a later edit/delete state than `than` (a copy fetched before a change we applied). */
function laterChange(m: Message | null, than: Message | null): boolean {
  return !!m && !!than && m.id === than.id && (m.changeSeq ?? 0) > (than.changeSeq ?? 0);
}

/**
 * Combines what we have with a fresh copy from the server. Positions only move forward,
 * so a copy fetched a moment before a live message does not undo it.
 */
export function mergeConversation(old: Conversation | undefined, incoming: Conversation): Conversation {
  if (!old) return incoming;
  const oldMembers = new Map(old.members.map((m) => [m.id, m]));
  const members = incoming.members.map((m) => {
    const prev = oldMembers.get(m.id);
    return prev
      ? { ...m, deliveredSeq: Math.max(m.deliveredSeq, prev.deliveredSeq), readSeq: Math.max(m.readSeq, prev.readSeq) }
      : m;
  });
  const oldIsNewer = old.lastSeq > incoming.lastSeq;
  const lastReadSeq = Math.max(old.lastReadSeq, incoming.lastReadSeq);
  const lastSeq = Math.max(old.lastSeq, incoming.lastSeq);
  let unreadCount = oldIsNewer ? old.unreadCount : incoming.unreadCount;
  if (lastReadSeq >= lastSeq) unreadCount = 0;
  return {
    ...incoming,
    members,
    lastSeq,
    lastMessage: oldIsNewer || laterChange(old.lastMessage, incoming.lastMessage) ? old.lastMessage : incoming.lastMessage,
    lastReadSeq,
    unreadCount,
    lastActivityAt: laterIso(incoming.lastActivityAt, old.lastActivityAt),
  };
}

/** Others' messages after readSeq, counted from the loaded messages when they cover the range. */
function countUnread(c: Conversation, readSeq: number, me: string | null): number {
  if (readSeq >= c.lastSeq) return 0;
  const messages = useMessages.getState().threads[c.id]?.messages ?? [];
  const after = messages.filter((m) => m.seq > readSeq && m.seq <= c.lastSeq);
  if (after.length === c.lastSeq - readSeq) return after.filter((m) => m.senderId !== me).length;
  return Math.min(c.unreadCount, c.lastSeq - readSeq);
}

function seedPresence(conversations: Conversation[]) {
  const me = myId();
  usePresence.getState().seed(conversations.flatMap((c) => c.members.filter((m) => m.id !== me)));
}

function startCursor(c: Conversation): ChangeCursor {
  return { applied: Number(c.lastChange) || 0, ahead: [] };
}

/** Muted now: for good, or until a time still ahead (a mute that ran out counts as unmuted). */
export function isMuted(c: Pick<Conversation, 'mutedUntil' | 'mutedForever'>, now: number = Date.now()): boolean {
  return !!c.mutedForever || time(c.mutedUntil) > now;
}

/** The unread total of the tab title and favicon: muted conversations keep their own count but are left out. */
export function badgeTotal(byId: Record<string, Conversation>, now: number = Date.now()): number {
  let total = 0;
  for (const c of Object.values(byId)) if (!isMuted(c, now)) total += Math.max(0, c.unreadCount);
  return total;
}

/** The earliest time a timed mute still ahead runs out, or null. */
export function nextMuteExpiry(byId: Record<string, Conversation>, now: number = Date.now()): number | null {
  let next: number | null = null;
  for (const c of Object.values(byId)) {
    if (c.mutedForever) continue;
    const until = time(c.mutedUntil);
    if (until > now && (next === null || until < next)) next = until;
  }
  return next;
}

const MUTED_TOAST: Record<MuteDuration, string> = {
  '1h': 'Muted for 1 hour',
  '8h': 'Muted for 8 hours',
  always: 'Muted until you unmute it',
};

const path = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const useConversations = create<ConversationsState>()((set, get) => {
  const put = (c: Conversation) =>
    set((s) => {
      const byId = { ...s.byId, [c.id]: c };
      const changes = c.id in s.changes ? s.changes : { ...s.changes, [c.id]: startCursor(c) };
      return { byId, changes, ids: sortIds(byId) };
    });

  /** Shared by the group actions: run, keep the answer, toast a refusal (e.g. 403 forbidden). */
  const groupAction = async (run: () => Promise<Conversation | null>, success?: string): Promise<boolean> => {
    if (get().groupForm.loading) return false;
    set({ groupForm: pendingForm });
    try {
      const c = await run();
      if (c) get().upsert(c);
      set({ groupForm: idleForm });
      if (success) toast.success(success);
      return true;
    } catch (err) {
      set({ groupForm: failed(err) });
      return false;
    }
  };

  /** Mute and unmute: one at a time, the answer replaces the conversation, a refusal is a toast. */
  const muteAction = async (run: () => Promise<Conversation>, success: string): Promise<boolean> => {
    if (get().muteForm.loading) return false;
    set({ muteForm: pendingForm });
    try {
      get().upsert(await run());
      set({ muteForm: idleForm });
      toast.success(success);
      return true;
    } catch (err) {
      const message = reportError(err);
      set({ muteForm: { loading: false, error: { code: asApiError(err).code, message, display: 'toast' }, fieldErrors: {} } });
      return false;
    }
  };

  return {
    byId: {},
    changes: {},
    ids: [],
    list: { loading: false, loaded: false, error: null },
    createForm: idleForm,
    groupForm: idleForm,
    muteForm: idleForm,
    muteClock: Date.now(),

    load: async () => {
      set((s) => ({ list: { ...s.list, loading: true, error: null } }));
      try {
        const res = await api.get<{ conversations: Conversation[] }>('/api/conversations');
        const incoming = res.conversations ?? [];
        set((s) => {
          const byId: Record<string, Conversation> = {};
          const changes: Record<string, ChangeCursor> = {};
          for (const c of incoming) {
            byId[c.id] = mergeConversation(s.byId[c.id], c);
            changes[c.id] = s.changes[c.id] ?? startCursor(c);
          }
          return { byId, changes, ids: sortIds(byId), list: { loading: false, loaded: true, error: null } };
        });
        seedPresence(incoming);
      } catch (err) {
        set((s) => ({ list: { ...s.list, loading: false, error: reportError(err) } }));
      }
    },

    fetchOne: async (id) => {
      try {
        const res = await api.get<{ conversation: Conversation }>(path(id));
        get().upsert(res.conversation);
        return res.conversation;
      } catch (err) {
        if (asApiError(err).status !== 404) reportError(err);
        return null;
      }
    },

    upsert: (conversation) => {
      put(mergeConversation(get().byId[conversation.id], conversation));
      seedPresence([conversation]);
    },

    remove: (id) => {
      const existing = get().byId[id] ?? null;
      if (!existing) return null;
      set((s) => {
        const byId = { ...s.byId };
        delete byId[id];
        const changes = { ...s.changes };
        delete changes[id];
        return { byId, changes, ids: s.ids.filter((x) => x !== id) };
      });
      return existing;
    },

    applyMessage: (message, viewing) => {
      const c = get().byId[message.conversationId];
      if (!c) return false;
      const mine = message.senderId === myId();
      const newest = message.seq > c.lastSeq;
      const next: Conversation = { ...c };
      if (newest) {
        next.lastSeq = message.seq;
        next.lastMessage = message;
        next.lastActivityAt = laterIso(c.lastActivityAt, message.createdAt);
      }
      // Only a message newer than all we had counts, so the same message twice (live and via
      // sync, or also in a fetched page) never counts twice.
      if (!mine && newest && message.seq > c.lastReadSeq && !viewing) next.unreadCount = c.unreadCount + 1;
      if (mine) {
        // Our own message: we have it, so our client has delivered up to here.
        next.members = c.members.map((m) =>
          m.id === message.senderId ? { ...m, deliveredSeq: Math.max(m.deliveredSeq, message.seq) } : m,
        );
      }
      put(next);
      return true;
    },

    applyChange: (message, changeSeq) => {
      const c = get().byId[message.conversationId];
      if (!c) return false;
      const last = c.lastMessage;
      const isLast = last ? last.id === message.id : c.lastSeq > 0 && message.seq === c.lastSeq;
      const preview = isLast && (!last || !isStaleUpdate(message, last));
      set((s) => {
        const cursor = s.changes[c.id] ?? noChanges;
        const moved = changeSeq !== null ? advanceChange(cursor, changeSeq) : cursor;
        if (!preview && moved === cursor) return s;
        const byId = preview ? { ...s.byId, [c.id]: { ...c, lastMessage: message } } : s.byId;
        return { byId, changes: moved === cursor ? s.changes : { ...s.changes, [c.id]: moved } };
      });
      return true;
    },

    confirmChanges: (changes) =>
      set((s) => {
        let next = s.changes;
        for (const [id, upTo] of Object.entries(changes)) {
          const cursor = s.changes[id];
          if (!cursor || typeof upTo !== 'number') continue;
          const moved = confirmChange(cursor, upTo);
          if (moved !== cursor) next = { ...next, [id]: moved };
        }
        return next === s.changes ? s : { changes: next };
      }),

    applyReceipt: (receipt) => {
      const c = get().byId[receipt.conversationId];
      if (!c) return;
      const members: Member[] = c.members.map((m) =>
        m.id === receipt.userId
          ? {
              ...m,
              deliveredSeq: Math.max(m.deliveredSeq, receipt.deliveredSeq, receipt.readSeq),
              readSeq: Math.max(m.readSeq, receipt.readSeq),
            }
          : m,
      );
      const next: Conversation = { ...c, members };
      const me = myId();
      if (receipt.userId === me && receipt.readSeq > c.lastReadSeq) {
        // Read in this or another tab: the badge follows everywhere.
        next.lastReadSeq = receipt.readSeq;
        next.unreadCount = countUnread(c, receipt.readSeq, me);
      }
      put(next);
    },

    markRead: (id) => {
      const c = get().byId[id];
      if (!c || c.lastSeq <= 0) return;
      if (c.lastSeq <= c.lastReadSeq && c.unreadCount === 0) return;
      const seq = c.lastSeq;
      const me = myId();
      put({
        ...c,
        lastReadSeq: Math.max(c.lastReadSeq, seq),
        unreadCount: 0,
        members: c.members.map((m) =>
          m.id === me ? { ...m, readSeq: Math.max(m.readSeq, seq), deliveredSeq: Math.max(m.deliveredSeq, seq) } : m,
        ),
      });
      const sent = getSocket()?.send('read', { conversationId: id, seq }) ?? false;
      if (!sent) {
        api.post<null>(`${path(id)}/read`, { seq }).catch(() => {
          // Best effort: the next read (or the next visit) sends it again.
        });
      }
    },

    patchMember: (userId, change) =>
      set((s) => {
        let changed = false;
        const byId = { ...s.byId };
        for (const c of Object.values(s.byId)) {
          if (!c.members.some((m) => m.id === userId)) continue;
          changed = true;
          byId[c.id] = { ...c, members: c.members.map((m) => (m.id === userId ? { ...m, ...change } : m)) };
        }
        return changed ? { byId } : s;
      }),

    createDirect: async (userId) => {
      if (get().createForm.loading) return null;
      set({ createForm: pendingForm });
      try {
        const res = await api.post<{ conversation: Conversation }>('/api/conversations/direct', { userId });
        get().upsert(res.conversation);
        set({ createForm: idleForm });
        return res.conversation;
      } catch (err) {
        set({ createForm: failed(err) });
        return null;
      }
    },

    createGroup: async (rawName, memberIds) => {
      if (get().createForm.loading) return null;
      const name = rawName.trim();
      if (!name) {
        set({ createForm: invalidForm({ name: 'Give the group a name' }) });
        return null;
      }
      if (memberIds.length === 0) {
        set({ createForm: invalidForm({ memberIds: 'Pick at least one person' }) });
        return null;
      }
      set({ createForm: pendingForm });
      try {
        const res = await api.post<{ conversation: Conversation }>('/api/conversations/groups', { name, memberIds });
        get().upsert(res.conversation);
        set({ createForm: idleForm });
        return res.conversation;
      } catch (err) {
        set({ createForm: failed(err) });
        return null;
      }
    },

    rename: (id, rawName) => {
      const name = rawName.trim();
      if (!name) {
        set({ groupForm: invalidForm({ name: 'Give the group a name' }) });
        return Promise.resolve(false);
      }
      return groupAction(
        async () => (await api.patch<{ conversation: Conversation }>(path(id), { name })).conversation,
        'Group renamed',
      );
    },

    addMembers: (id, userIds) =>
      groupAction(
        async () =>
          (await api.post<{ conversation: Conversation }>(`${path(id)}/members`, { userIds })).conversation,
        userIds.length === 1 ? 'Member added' : 'Members added',
      ),

    removeMember: (id, userId) =>
      groupAction(async () => {
        await api.delete<null>(`${path(id)}/members/${encodeURIComponent(userId)}`);
        const c = get().byId[id];
        return c ? { ...c, members: c.members.filter((m) => m.id !== userId) } : null;
      }, 'Member removed'),

    setRole: (id, userId, role) =>
      groupAction(
        async () =>
          (
            await api.patch<{ conversation: Conversation }>(`${path(id)}/members/${encodeURIComponent(userId)}`, {
              role,
            })
          ).conversation,
        'Role changed',
      ),

    leave: async (id) => {
      const me = myId();
      if (!me) return false;
      const name = get().byId[id]?.name;
      const ok = await groupAction(async () => {
        await api.delete<null>(`${path(id)}/members/${encodeURIComponent(me)}`);
        return null;
      });
      if (ok) {
        get().remove(id);
        useMessages.getState().drop(id);
        toast.info(name ? `You left ${name}` : 'You left the group');
      }
      return ok;
    },

    mute: (id, duration) =>
      muteAction(
        async () => (await api.put<{ conversation: Conversation }>(`${path(id)}/mute`, { duration })).conversation,
        MUTED_TOAST[duration],
      ),

    unmute: (id) =>
      muteAction(async () => (await api.delete<{ conversation: Conversation }>(`${path(id)}/mute`)).conversation, 'Unmuted'),

    resetForm: (form) => set({ [form]: idleForm }),

    reset: () =>
      set({
        byId: {},
        changes: {},
        ids: [],
        list: { loading: false, loaded: false, error: null },
        createForm: idleForm,
        groupForm: idleForm,
        muteForm: idleForm,
        muteClock: Date.now(),
      }),
  };
});

// setTimeout's longest delay (about 24.8 days); a later expiry is simply re-checked then.
const MAX_TIMER_MS = 2_147_483_647;
let muteTimer: ReturnType<typeof setTimeout> | null = null;
let muteTimerAt: number | null = null;

/** Keeps one timer on the next mute to run out; when it fires, `muteClock` moves and the badge counts it again. */
function watchMuteExpiry(byId: Record<string, Conversation>) {
  const at = nextMuteExpiry(byId);
  if (at === muteTimerAt) return;
  if (muteTimer) clearTimeout(muteTimer);
  muteTimer = null;
  muteTimerAt = at;
  if (at === null) return;
  muteTimer = setTimeout(() => {
    muteTimer = null;
    muteTimerAt = null;
    useConversations.setState({ muteClock: Date.now() });
    watchMuteExpiry(useConversations.getState().byId);
  }, Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())));
}

useConversations.subscribe((s, prev) => {
  if (s.byId !== prev.byId) watchMuteExpiry(s.byId);
});
