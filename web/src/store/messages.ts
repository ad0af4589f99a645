import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import { MESSAGE_MAX, type Message } from '../lib/chatTypes';
import { checkImage, createPreviewUrl, revokePreviewUrl } from '../lib/images';
import type { OutgoingMessage } from '../lib/socket';
import { getSocket } from '../lib/socketRef';
import { ABORTED, uploadErrorMessage, uploadFile, type UploadedMedia } from '../lib/upload';
import { charCount } from '../auth/validation';
import { isSessionGone, reportError } from './failures';
import { toast } from './toast';

export const PAGE_SIZE = 50;

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
}

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
  /**
   * Validates, adds a pending message and hands it to the socket outbox. With an image, it is
   * uploaded first (progress on the pending message), then sent with its `imageId`.
   */
  send: (conversationId: string, text: string, attachment?: Attachment | null) => PendingMessage | null;
  /** Sends a refused message again with the same clientId (uploading its image again if that failed). */
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

/** An image caption may be empty. */
function validCaption(text: string): boolean {
  return charCount(text.trim()) <= MESSAGE_MAX;
}

/** The outbox frame for a pending message (its image must be uploaded already). */
export function toOutgoing(p: PendingMessage): OutgoingMessage {
  const out: OutgoingMessage = { conversationId: p.conversationId, clientId: p.clientId, text: p.text };
  if (p.image?.imageId) out.imageId = p.image.imageId;
  return out;
}

/** Ready for the socket outbox: not failed, and any image is uploaded. */
function isReady(p: PendingMessage): boolean {
  return p.status === 'pending' && (!p.image || p.image.imageId !== null);
}

/** Running uploads by clientId (aborted when the message goes away). */
const uploads = new Map<string, () => void>();

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
      const { list, added } = mergeMessages(t.messages, [message]);
      isNew = added > 0;
      const settle = clientIdToSettle ?? message.clientId;
      const pending = t.pending.filter((p) => p.clientId !== settle);
      if (pending.length !== t.pending.length) discard(t.pending.filter((p) => p.clientId === settle));
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

    send: (conversationId, text, attachment) => {
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
