import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import { MESSAGE_MAX, quoteOf, type Message, type Quote } from '../lib/chatTypes';
import { checkImage, createPreviewUrl, revokePreviewUrl } from '../lib/images';
import type { OutgoingMessage } from '../lib/socket';
import { getSocket } from '../lib/socketRef';
import { ABORTED, uploadErrorMessage, uploadFile, type UploadedMedia } from '../lib/upload';
import { charCount } from '../auth/validation';
import { useAuth } from './auth';
import { isSessionGone, reportError } from './failures';
import { toast } from './toast';

export const PAGE_SIZE = 50;
/** Opening a conversation at a message (a quote, a search hit) loads older pages of this size (the server's most)... */
export const JUMP_PAGE_SIZE = 100;
/** ...and at most this many of them: 10,000 messages back. */
export const MAX_JUMP_PAGES = 100;

export type PendingStatus = 'pending' | 'failed';

/** The image of a pending message: uploaded once (POST /api/media), then sent by its id. */
export interface PendingImage {
  file: File;
  /** Local object URL shown until the server's copy arrives. */
  previewUrl: string;
  /** Pixel size when known (from the local preview, then from the upload's answer). */
  width: number | null;
  height: number | null;
  /** Upload progress 0–100. */
  progress: number;
  /** Set once uploaded; kept so resends and retries never upload again. */
  imageId: string | null;
}

/** A message typed here that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  conversationId: string;
  text: string;
  createdAt: string;
  status: PendingStatus;
  error: string | null;
  /** null for text only. */
  image: PendingImage | null;
  /** The message this one replies to (absent or null: not a reply). */
  replyTo?: Quote | null;
}

/** My edit or delete, shown right away until the server answers it (`ref`). */
export interface PendingChange {
  kind: 'edit' | 'delete';
  /** The new text of an edit. */
  text: string | null;
  /** When it was made (shown as the edit time meanwhile). */
  at: string;
  ref: string;
}

/** Refs of my edit and delete requests: `edit:<messageId>:<n>`, `delete:<messageId>:<n>`. */
export const EDIT_REF_PREFIX = 'edit:';
export const DELETE_REF_PREFIX = 'delete:';

/** An image chosen in the composer. */
export interface Attachment {
  file: File;
  width?: number | null;
  height?: number | null;
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
  /** My edits and deletes not answered yet, by message id. */
  changing: Record<string, PendingChange>;
  /**
   * The newest state of messages that were edited or deleted while not in `messages` (e.g. while
   * their page was being fetched), by message id: a page that brings an older copy gets this one.
   */
  updates: Record<string, Message>;
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
  changing: {},
  updates: {},
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
  loadOlder: (conversationId: string, limit?: number) => Promise<void>;
  /** Adds a stored message (message.new / sync / ack); returns false if it was already here. */
  receive: (message: Message) => boolean;
  /** The server stored our message: replaces the pending copy. Returns whether it was new. */
  ack: (clientId: string, message: Message) => boolean;
  /**
   * Validates, adds a pending message and hands it to the socket outbox. With an image, it is
   * uploaded first (progress on the pending message), then sent with its `imageId`.
   */
  send: (conversationId: string, text: string, attachment?: Attachment | null, replyTo?: Message | null) => PendingMessage | null;
  /**
   * Loads older pages until the message with this seq is loaded (at most MAX_JUMP_PAGES pages). Resolves to
   * whether it is loaded now.
   */
  loadUntil: (conversationId: string, seq: number) => Promise<boolean>;
  /** Sends a refused message again with the same clientId (uploading its image again if that failed). */
  retry: (conversationId: string, clientId: string) => void;
  /** The server refused a message (error frame): show it as failed with a retry button. */
  fail: (clientId: string, error: string) => boolean;
  /**
   * A stored message's new state (`message.updated`: an edit or a tombstone) replaces the copy with
   * the same id. Idempotent: a state not newer than ours (by `changeSeq`) changes nothing.
   * Returns whether it changed anything.
   */
  applyUpdate: (message: Message) => boolean;
  /**
   * Edits my message (socket `message.edit`, else PATCH). Returns false when the text is not valid
   * (1..4000 after trimming; an image's caption may be empty); unchanged text sends nothing.
   */
  edit: (conversationId: string, messageId: string, text: string) => boolean;
  /** Deletes a message for everyone (socket `message.delete`, else DELETE). */
  deleteMessage: (conversationId: string, messageId: string) => void;
  /** The answer to my edit/delete `ref` arrived: stop showing it as pending. */
  settleChange: (ref: string) => void;
  /** The server refused my edit/delete `ref`: back to the stored state. Returns its kind, null if not mine. */
  failChange: (ref: string) => PendingChange['kind'] | null;
  find: (conversationId: string, messageId: string) => Message | undefined;
  has: (conversationId: string, seq: number) => boolean;
  drop: (conversationId: string) => void;
  reset: () => void;
}

function changeOf(m: Message): number {
  return m.changeSeq ?? 0;
}

/**
 * Whether `incoming` adds nothing to `current` (same message): it is not a later state. A state
 * without a changeSeq cannot be ordered and counts as newer.
 */
export function isStaleUpdate(incoming: Message, current: Message): boolean {
  const change = changeOf(incoming);
  return change > 0 && changeOf(current) >= change;
}

/**
 * Merges messages into an ascending, seq-unique list; returns the list and how many were new.
 * For a seq already there, the copy with the higher changeSeq (the later edit/delete) wins.
 */
export function mergeMessages(list: Message[], incoming: Message[]): { list: Message[]; added: number } {
  if (incoming.length === 1) {
    const m = incoming[0];
    const last = list[list.length - 1];
    if (!last || m.seq > last.seq) return { list: [...list, m], added: 1 };
  }
  const bySeq = new Map<number, Message>();
  for (const m of list) bySeq.set(m.seq, m);
  let added = 0;
  let replaced = 0;
  for (const m of incoming) {
    const prev = bySeq.get(m.seq);
    if (!prev) {
      added++;
      bySeq.set(m.seq, m);
    } else if (changeOf(m) > changeOf(prev)) {
      replaced++;
      bySeq.set(m.seq, m);
    }
  }
  if (added === 0 && replaced === 0) return { list, added: 0 };
  return { list: [...bySeq.values()].sort((a, b) => a.seq - b.seq), added };
}

/** Swaps in the newer state kept in `updates` for messages of `page`; drops what it used. */
function withUpdates(page: Message[], updates: Record<string, Message>): { page: Message[]; updates: Record<string, Message> } {
  if (Object.keys(updates).length === 0) return { page, updates };
  let rest = updates;
  const merged = page.map((m) => {
    const u = updates[m.id];
    if (!u) return m;
    if (rest === updates) rest = { ...updates };
    delete rest[m.id];
    return isStaleUpdate(u, m) ? m : u;
  });
  return { page: merged, updates: rest };
}

/** The tombstone a deleted message becomes (same seq, no text, no image). */
export function tombstone(m: Message, deletedAt = new Date().toISOString()): Message {
  return { ...m, text: null, image: null, deleted: true, deletedAt };
}

/** The last message of mine that can be edited (stored, not deleted), newest first. */
export function lastEditable(messages: Message[], me: string | null): Message | null {
  if (me === null) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.senderId === me && !m.deleted) return m;
  }
  return null;
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

/** An image caption may be empty. */
function validCaption(text: string): boolean {
  return charCount(text.trim()) <= MESSAGE_MAX;
}

/** The outbox frame for a pending message (its image must be uploaded already). */
export function toOutgoing(p: PendingMessage): OutgoingMessage {
  const out: OutgoingMessage = { conversationId: p.conversationId, clientId: p.clientId, text: p.text };
  if (p.image?.imageId) out.imageId = p.image.imageId;
  if (p.replyTo) out.replyTo = p.replyTo.id;
  return out;
}

/** Ready for the socket outbox: not failed, and any image is uploaded. */
function isReady(p: PendingMessage): boolean {
  return p.status === 'pending' && (!p.image || p.image.imageId !== null);
}

/** Running uploads by clientId (aborted when the message goes away). */
const uploads = new Map<string, () => void>();

let changeCounter = 0;

function me(): string | null {
  const id = useAuth.getState().user?.id;
  return id === undefined || id === null ? null : String(id);
}

const messagePath = (conversationId: string, messageId: string) =>
  `/api/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}`;

/** What a refused edit/delete toasts (also for the HTTP fallback). */
export function changeErrorMessage(kind: PendingChange['kind'], message: string): string {
  return `${kind === 'edit' ? "Couldn't edit the message" : "Couldn't delete the message"}: ${message}`;
}

function changeKind(ref: string): PendingChange['kind'] | null {
  if (ref.startsWith(EDIT_REF_PREFIX)) return 'edit';
  if (ref.startsWith(DELETE_REF_PREFIX)) return 'delete';
  return null;
}

function toastChangeError(kind: PendingChange['kind'], err: unknown) {
  const e = asApiError(err);
  if (isSessionGone(e)) reportError(e);
  else toast.error(changeErrorMessage(kind, e.message));
}

function discard(pending: PendingMessage[]) {
  for (const p of pending) {
    uploads.get(p.clientId)?.();
    uploads.delete(p.clientId);
    revokePreviewUrl(p.image?.previewUrl);
  }
}

export const useMessages = create<MessagesState>()((set, get) => {
  const thread = (id: string): Thread => get().threads[id] ?? emptyThread;
  const patch = (id: string, change: Partial<Thread> | ((t: Thread) => Partial<Thread>)) =>
    set((s) => {
      const current = s.threads[id] ?? emptyThread;
      const next = typeof change === 'function' ? change(current) : change;
      return { threads: { ...s.threads, [id]: { ...current, ...next } } };
    });

  const findPending = (conversationId: string, clientId: string) =>
    thread(conversationId).pending.find((p) => p.clientId === clientId);

  const patchPending = (
    conversationId: string,
    clientId: string,
    change: (p: PendingMessage) => Partial<PendingMessage>,
  ) =>
    patch(conversationId, (t) => ({
      pending: t.pending.map((p) => (p.clientId === clientId ? { ...p, ...change(p) } : p)),
    }));

  /** Uploads a pending message's image, then hands the message to the outbox. */
  const startUpload = (conversationId: string, clientId: string) => {
    const p = findPending(conversationId, clientId);
    if (!p?.image || p.image.imageId) return;
    const handle = uploadFile<UploadedMedia>('POST', '/api/media', p.image.file, (fraction) => {
      const progress = Math.round(fraction * 100);
      const cur = findPending(conversationId, clientId);
      if (cur?.image && cur.image.progress !== progress) {
        patchPending(conversationId, clientId, (x) => ({ image: x.image && { ...x.image, progress } }));
      }
    });
    uploads.set(clientId, handle.abort);
    handle.promise.then(
      (media) => {
        uploads.delete(clientId);
        if (!findPending(conversationId, clientId)) return; // gone meanwhile
        patchPending(conversationId, clientId, (x) => ({
          image: x.image && {
            ...x.image,
            imageId: media.id,
            progress: 100,
            width: media.width || x.image.width,
            height: media.height || x.image.height,
          },
        }));
        const ready = findPending(conversationId, clientId);
        // In the outbox until acknowledged, like text: survives reconnects without uploading again.
        if (ready && isReady(ready)) getSocket()?.sendMessage(toOutgoing(ready));
      },
      (err) => {
        uploads.delete(clientId);
        const e = asApiError(err);
        if (e.code === ABORTED || !findPending(conversationId, clientId)) return;
        const message = uploadErrorMessage(e);
        if (isSessionGone(e)) reportError(e);
        else toast.error(message);
        patchPending(conversationId, clientId, () => ({ status: 'failed', error: message }));
      },
    );
  };

  const insert = (message: Message, clientIdToSettle?: string): boolean => {
    let isNew = false;
    patch(message.conversationId, (t) => {
      const stashed = withUpdates([message], t.updates);
      const { list, added } = mergeMessages(t.messages, stashed.page);
      isNew = added > 0;
      const settle = clientIdToSettle ?? message.clientId;
      const pending = t.pending.filter((p) => p.clientId !== settle);
      if (pending.length !== t.pending.length) discard(t.pending.filter((p) => p.clientId === settle));
      return {
        messages: list,
        pending: pending.length === t.pending.length ? t.pending : pending,
        syncedSeq: t.loaded ? advanceSynced(list, t.syncedSeq) : t.syncedSeq,
        updates: stashed.updates,
      };
    });
    return isNew;
  };

  // One request per page at a time; a second caller (a jump to a quoted message) awaits the one in flight.
  const inFlight = new Map<string, Promise<void>>();
  const once = (key: string, load: () => Promise<void>): Promise<void> => {
    const running = inFlight.get(key);
    if (running) return running;
    const p = load().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  };

  const loadLatestPage = async (conversationId: string) => {
    patch(conversationId, { loading: true, error: null });
    try {
      const res = await api.get<Page>(
        `/api/conversations/${encodeURIComponent(conversationId)}/messages?limit=${PAGE_SIZE}`,
      );
      patch(conversationId, (cur) => {
        const { page, updates } = withUpdates(newestFirstToAscending(res.messages ?? []), cur.updates);
        const { list } = mergeMessages(cur.messages, page);
        const pageMax = page.length > 0 ? page[page.length - 1].seq : 0;
        return {
          messages: list,
          loaded: true,
          loading: false,
          nextBefore: res.nextBefore ?? null,
          syncedSeq: advanceSynced(list, Math.max(cur.syncedSeq, pageMax)),
          updates,
        };
      });
    } catch (err) {
      patch(conversationId, { loading: false, error: reportError(err) });
    }
  };

  const loadOlderPage = async (conversationId: string, before: number, limit: number) => {
    patch(conversationId, { loadingOlder: true });
    try {
      const res = await api.get<Page>(
        `/api/conversations/${encodeURIComponent(conversationId)}/messages?before=${before}&limit=${limit}`,
      );
      patch(conversationId, (cur) => {
        const { page, updates } = withUpdates(res.messages ?? [], cur.updates);
        return {
          messages: mergeMessages(cur.messages, page).list,
          loadingOlder: false,
          nextBefore: res.nextBefore ?? null,
          updates,
        };
      });
    } catch (err) {
      reportError(err);
      patch(conversationId, { loadingOlder: false });
    }
  };

  return {
    threads: {},

    loadLatest: (conversationId) => {
      const t = thread(conversationId);
      if (t.loaded) return Promise.resolve();
      return once(`latest:${conversationId}`, () => loadLatestPage(conversationId));
    },

    loadOlder: (conversationId, limit = PAGE_SIZE) => {
      const t = thread(conversationId);
      if (t.loadingOlder) return inFlight.get(`older:${conversationId}`) ?? Promise.resolve();
      if (!t.loaded || t.nextBefore === null) return Promise.resolve();
      return once(`older:${conversationId}`, () => loadOlderPage(conversationId, t.nextBefore as number, limit));
    },

    receive: (message) => insert(message),

    ack: (clientId, message) => insert(message, clientId),

    send: (conversationId, text, attachment, replyTo) => {
      if (attachment) {
        const problem = checkImage(attachment.file);
        if (problem) {
          toast.error(problem);
          return null;
        }
        if (!validCaption(text)) return null;
      } else if (!validText(text)) {
        return null;
      }
      const pending: PendingMessage = {
        clientId: crypto.randomUUID(),
        conversationId,
        text,
        createdAt: new Date().toISOString(),
        status: 'pending',
        error: null,
        image: attachment
          ? {
              file: attachment.file,
              previewUrl: createPreviewUrl(attachment.file),
              width: attachment.width ?? null,
              height: attachment.height ?? null,
              progress: 0,
              imageId: null,
            }
          : null,
        replyTo: replyTo && !replyTo.deleted ? quoteOf(replyTo) : null,
      };
      patch(conversationId, (t) => ({ pending: [...t.pending, pending] }));
      if (pending.image) startUpload(conversationId, pending.clientId);
      // In the outbox until acknowledged: sent now if connected, else after reconnecting.
      else getSocket()?.sendMessage(toOutgoing(pending));
      return pending;
    },

    retry: (conversationId, clientId) => {
      const p = findPending(conversationId, clientId);
      if (!p || p.status !== 'failed') return;
      const reupload = !!p.image && p.image.imageId === null;
      patchPending(conversationId, clientId, (x) => ({
        status: 'pending',
        error: null,
        image: reupload && x.image ? { ...x.image, progress: 0 } : x.image,
      }));
      if (reupload) startUpload(conversationId, clientId);
      else getSocket()?.sendMessage(toOutgoing({ ...p, status: 'pending' }));
    },

    fail: (clientId, error) => {
      const entry = Object.entries(get().threads).find(([, t]) => t.pending.some((p) => p.clientId === clientId));
      if (!entry) return false;
      patch(entry[0], (t) => ({
        pending: t.pending.map((p) => (p.clientId === clientId ? { ...p, status: 'failed', error } : p)),
      }));
      return true;
    },

    applyUpdate: (message) => {
      const t = thread(message.conversationId);
      const i = t.messages.findIndex((m) => m.id === message.id);
      const current = i === -1 ? t.updates[message.id] : t.messages[i];
      if (current && isStaleUpdate(message, current)) return false; // already applied (e.g. replayed by sync)
      patch(message.conversationId, (cur) => {
        const at = cur.messages.findIndex((m) => m.id === message.id);
        // Not here (yet): kept so that a page fetched meanwhile cannot bring back the old state.
        const quote = quoteOf(message);
        const requote = <T extends { replyTo?: Quote | null }>(m: T): T => (m.replyTo?.id === message.id ? { ...m, replyTo: quote } : m);
        // Replies held here show the quoted message as it is now (the server's later reads already do).
        const pending = cur.pending.some((p) => p.replyTo?.id === message.id) ? cur.pending.map(requote) : cur.pending;
        if (at === -1) return { updates: { ...cur.updates, [message.id]: message }, messages: cur.messages.map(requote), pending };
        const messages = cur.messages.map(requote);
        messages[at] = message;
        return { messages, pending };
      });
      return true;
    },

    loadUntil: async (conversationId, seq) => {
      const has = () => thread(conversationId).messages.some((m) => m.seq === seq);
      await get().loadLatest(conversationId);
      for (let page = 0; page < MAX_JUMP_PAGES && !has(); page++) {
        if (thread(conversationId).loadingOlder) await get().loadOlder(conversationId);
        const before = thread(conversationId);
        // nextBefore <= seq: what would hold it is loaded already, so there is no such message
        if (has() || !before.loaded || before.nextBefore === null || before.nextBefore <= seq) break;
        const oldest = before.messages[0]?.seq;
        await get().loadOlder(conversationId, JUMP_PAGE_SIZE);
        if (thread(conversationId).messages[0]?.seq === oldest) break; // no progress: failed (already reported)
      }
      return has();
    },

    edit: (conversationId, messageId, text) => {
      const m = get().find(conversationId, messageId);
      if (!m || m.deleted || m.senderId !== me()) return false;
      if (!(m.image ? validCaption(text) : validText(text))) return false;
      const shown = thread(conversationId).changing[messageId];
      if (text === (shown?.kind === 'edit' ? shown.text : m.text)) return true; // nothing changed
      const ref = `${EDIT_REF_PREFIX}${messageId}:${++changeCounter}`;
      patch(conversationId, (t) => ({
        changing: { ...t.changing, [messageId]: { kind: 'edit', text, at: new Date().toISOString(), ref } },
      }));
      const socket = getSocket();
      if (socket?.isOpen) {
        // Kept until answered (message.updated or error), and sent again after a reconnect.
        socket.request('message.edit', { conversationId, messageId, text }, ref);
        return true;
      }
      api.patch<{ message: Message }>(messagePath(conversationId, messageId), { text }).then(
        (res) => {
          get().settleChange(ref);
          if (res?.message) get().applyUpdate(res.message);
        },
        (err) => {
          get().settleChange(ref);
          toastChangeError('edit', err);
        },
      );
      return true;
    },

    deleteMessage: (conversationId, messageId) => {
      const m = get().find(conversationId, messageId);
      if (!m || m.deleted) return;
      const ref = `${DELETE_REF_PREFIX}${messageId}:${++changeCounter}`;
      patch(conversationId, (t) => ({
        changing: { ...t.changing, [messageId]: { kind: 'delete', text: null, at: new Date().toISOString(), ref } },
      }));
      const socket = getSocket();
      if (socket?.isOpen) {
        socket.request('message.delete', { conversationId, messageId }, ref);
        return;
      }
      api.delete<null>(messagePath(conversationId, messageId)).then(
        () => {
          get().settleChange(ref);
          // 204 carries no body: show the tombstone now; the server's copy (a later changeSeq) replaces it.
          const current = get().find(conversationId, messageId);
          if (current && !current.deleted) {
            patch(conversationId, (t) => ({
              messages: t.messages.map((x) => (x.id === messageId ? tombstone(x) : x)),
            }));
          }
        },
        (err) => {
          get().settleChange(ref);
          toastChangeError('delete', err);
        },
      );
    },

    settleChange: (ref) => {
      for (const [conversationId, t] of Object.entries(get().threads)) {
        const entry = Object.entries(t.changing).find(([, c]) => c.ref === ref);
        if (!entry) continue;
        patch(conversationId, (cur) => {
          const changing = { ...cur.changing };
          if (changing[entry[0]]?.ref === ref) delete changing[entry[0]];
          return { changing };
        });
        return;
      }
    },

    failChange: (ref) => {
      const kind = changeKind(ref);
      if (kind) get().settleChange(ref);
      return kind;
    },

    find: (conversationId, messageId) => get().threads[conversationId]?.messages.find((m) => m.id === messageId),

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

    drop: (conversationId) => {
      discard(get().threads[conversationId]?.pending ?? []);
      set((s) => {
        if (!(conversationId in s.threads)) return s;
        const threads = { ...s.threads };
        delete threads[conversationId];
        return { threads };
      });
    },

    reset: () => {
      discard(Object.values(get().threads).flatMap((t) => t.pending));
      set({ threads: {} });
    },
  };
});

/**
 * Pending messages of every thread that can go out now, oldest first (to refill a new socket's
 * outbox). One whose image is still uploading joins the outbox when its upload finishes.
 */
export function allPending(): PendingMessage[] {
  return Object.values(useMessages.getState().threads)
    .flatMap((t) => t.pending.filter(isReady))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
