import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import type { Conversation, Message, Receipt, SyncPosition } from '../lib/chatTypes';
import { isPageActive } from '../lib/pageActive';
import {
  ChatSocket,
  SEND_REF_PREFIX,
  type ConnectionState,
  type Frame,
  type StopReason,
  type WebSocketFactory,
} from '../lib/socket';
import { getSocket, setSocket } from '../lib/socketRef';
import { useAuth } from './auth';
import { myId, useConversations } from './conversations';
import { keepUnsent, restoreUnsent } from './keptDrafts';
import { notifyLiveMessage } from './notifications';
import { allPending, changeErrorMessage, toOutgoing, useMessages } from './messages';
import { usePresence } from './presence';
import { toast } from './toast';
import { useTyping } from './typing';
import { useUi } from './ui';
import { useUsers } from './users';

/** Connection state for the banner. */
export const useConnection = create<{ state: ConnectionState }>()(() => ({ state: 'idle' }));

/** Delivered receipts are coalesced per conversation for this long (sync sends bursts). */
export const DELIVERED_DELAY_MS = 150;

let deliveredQueue = new Map<string, number>();
let deliveredTimer: ReturnType<typeof setTimeout> | null = null;
const deliveredSent = new Map<string, number>();
const fetching = new Set<string>();

/** The thread is on screen and the user is looking at this tab. */
export function isViewing(conversationId: string): boolean {
  return useUi.getState().selectedId === conversationId && isPageActive();
}

/** What `sync` asks from: a loaded thread's gap-free position, else the conversation's last seq. */
export function syncPositions(): Record<string, number> {
  const { byId, ids } = useConversations.getState();
  const threads = useMessages.getState().threads;
  const positions: Record<string, number> = {};
  for (const id of ids) {
    const t = threads[id];
    positions[id] = t?.loaded ? t.syncedSeq : byId[id].lastSeq;
  }
  return positions;
}

/** What `sync` sends: per conversation the seq position and the last change (edit/delete) applied. */
export function socketPositions(): Record<string, SyncPosition> {
  const changes = useConversations.getState().changes;
  const positions: Record<string, SyncPosition> = {};
  for (const [id, seq] of Object.entries(syncPositions())) positions[id] = { seq, change: changes[id]?.applied ?? 0 };
  return positions;
}

function flushDelivered() {
  deliveredTimer = null;
  const queue = deliveredQueue;
  deliveredQueue = new Map();
  const socket = getSocket();
  for (const [conversationId, seq] of queue) {
    if ((deliveredSent.get(conversationId) ?? 0) >= seq) continue;
    if (socket?.send('delivered', { conversationId, seq })) deliveredSent.set(conversationId, seq);
  }
}

function queueDelivered(conversationId: string, seq: number) {
  if ((deliveredQueue.get(conversationId) ?? 0) >= seq) return;
  deliveredQueue.set(conversationId, seq);
  if (!deliveredTimer) deliveredTimer = setTimeout(flushDelivered, DELIVERED_DELAY_MS);
}

/** After a sync: tell the server what reached this client while it was away. */
function deliveredCatchUp() {
  const me = myId();
  const { byId, ids } = useConversations.getState();
  for (const id of ids) {
    const c = byId[id];
    const mine = c.members.find((m) => m.id === me);
    if (c.lastSeq > 0 && c.lastSeq > (mine?.deliveredSeq ?? 0) && !isViewing(id)) queueDelivered(id, c.lastSeq);
  }
}

async function fetchUnknown(conversationId: string) {
  if (fetching.has(conversationId)) return;
  fetching.add(conversationId);
  try {
    await useConversations.getState().fetchOne(conversationId);
  } finally {
    fetching.delete(conversationId);
  }
}

/**
 * How long a hole in what arrived live (a message or a change this tab never got, e.g. a cross-node broadcast
 * dropped while Redis restarted) may stay before the tab asks `sync` for it. Concurrent sends arrive out of seq
 * order and fill such holes by themselves within milliseconds; a real loss does not.
 */
export const GAP_WAIT_MS = 2000;
let gapTimer: ReturnType<typeof setTimeout> | null = null;

function hasHoles(): boolean {
  for (const t of Object.values(useMessages.getState().threads)) {
    if (t.loaded && t.messages.length > 0 && t.messages[t.messages.length - 1].seq > t.syncedSeq) return true;
  }
  return Object.values(useConversations.getState().changes).some((c) => c.ahead.length > 0);
}

function watchForHoles() {
  if (gapTimer || !hasHoles()) return;
  gapTimer = setTimeout(() => {
    gapTimer = null;
    if (hasHoles()) getSocket()?.sync();
  }, GAP_WAIT_MS);
}

function onMessage(message: Message) {
  const cid = message.conversationId;
  const viewing = isViewing(cid);
  useMessages.getState().receive(message);
  if (!useConversations.getState().applyMessage(message, viewing)) void fetchUnknown(cid);
  if (message.senderId !== myId()) {
    useTyping.getState().userStopped(cid, message.senderId);
    // On screen, the thread sends `read` (which implies delivered).
    if (!viewing) queueDelivered(cid, message.seq);
  }
  watchForHoles();
}

/** An edit or a delete (`message.updated`, live or replayed by `sync`); applying it twice changes nothing. */
function onUpdated(message: Message, changeSeq: number | null) {
  // The frame's changeSeq is this change's number; the message carries its current state's.
  const m = message.changeSeq === undefined && changeSeq !== null ? { ...message, changeSeq } : message;
  useMessages.getState().applyUpdate(m);
  if (!useConversations.getState().applyChange(m, changeSeq)) void fetchUnknown(m.conversationId);
  watchForHoles();
}

function isMessage(value: unknown): value is Message {
  const m = value as Partial<Message> | null;
  return !!m && typeof m === 'object' && typeof m.conversationId === 'string' && typeof m.seq === 'number';
}

/** Applies one server frame to the stores. Exported for tests. */
export function handleFrame(frame: Frame) {
  const data = frame.data as Record<string, unknown>;
  switch (frame.type) {
    case 'message.new':
      if (!isMessage(data.message)) break;
      // Only live frames carry conversationType; sync replays do not, and never pop a notification up.
      if (typeof data.conversationType === 'string') notifyLiveMessage(data.message);
      onMessage(data.message);
      break;
    case 'message.ack': {
      const message = data.message;
      if (!isMessage(message)) break;
      useMessages.getState().ack(String(data.clientId), message);
      if (!useConversations.getState().applyMessage(message, true)) void fetchUnknown(message.conversationId);
      break;
    }
    case 'message.updated': {
      // The answer to my own edit/delete carries its ref: it is no longer pending.
      if (frame.ref) useMessages.getState().settleChange(frame.ref);
      const changeSeq = Number(data.changeSeq);
      if (isMessage(data.message)) onUpdated(data.message, Number.isInteger(changeSeq) && changeSeq > 0 ? changeSeq : null);
      break;
    }
    case 'sync.done': {
      const changes = data.changes;
      if (changes && typeof changes === 'object') useConversations.getState().confirmChanges(changes as Record<string, number>);
      deliveredCatchUp();
      break;
    }
    case 'sync.needed':
      // The server may have missed broadcasts from other nodes (its Redis link was down): catch up now.
      getSocket()?.sync();
      break;
    case 'typing': {
      const userId = String(data.userId);
      if (userId !== myId()) useTyping.getState().userTyping(String(data.conversationId), userId);
      break;
    }
    case 'receipt': {
      const r = data as Partial<Receipt>;
      if (typeof r.conversationId !== 'string' || typeof r.userId !== 'string') break;
      useConversations.getState().applyReceipt({
        conversationId: r.conversationId,
        userId: r.userId,
        deliveredSeq: Number(r.deliveredSeq) || 0,
        readSeq: Number(r.readSeq) || 0,
      });
      break;
    }
    case 'presence':
      usePresence.getState().set(String(data.userId), {
        online: !!data.online,
        lastSeenAt: typeof data.lastSeenAt === 'string' ? data.lastSeenAt : null,
      });
      break;
    case 'conversation.updated': {
      const c = data.conversation as Conversation | undefined;
      if (c && typeof c.id === 'string' && Array.isArray(c.members)) useConversations.getState().upsert(c);
      break;
    }
    case 'conversation.removed': {
      const id = String(data.conversationId);
      const removed = useConversations.getState().remove(id);
      useMessages.getState().drop(id);
      if (removed) toast.info(`You are no longer a member of ${removed.name}`);
      break;
    }
    case 'error': {
      const message = typeof data.message === 'string' ? data.message : 'The server refused that.';
      if (frame.ref?.startsWith(SEND_REF_PREFIX)) {
        const clientId = frame.ref.slice(SEND_REF_PREFIX.length);
        if (useMessages.getState().fail(clientId, message)) toast.error(`Message not sent: ${message}`);
      } else if (frame.ref) {
        // A refused edit or delete (forbidden, not_found, validation_failed): back to the stored state.
        const kind = useMessages.getState().failChange(frame.ref);
        if (kind) toast.error(changeErrorMessage(kind, message));
      }
      break;
    }
  }
}

async function checkSession() {
  try {
    await api.get('/api/auth/me');
  } catch (err) {
    const e = asApiError(err);
    if (e.status === 401) sessionEnded();
  }
}

/** The server says the session is over: to the login page, keeping what was typed but not sent yet. */
function sessionEnded() {
  const me = myId();
  if (me) keepUnsent(me);
  useAuth.getState().expireSession();
}

const onBrowserOnline = () => getSocket()?.reconnectNow();

/** The server closed the socket for good: the session is over (log in again, keeping unsent messages), or too many tabs. */
function onStopped(reason: StopReason) {
  if (reason === 'too_many_sockets') {
    toast.info('Echos is open in too many tabs, so this one stopped updating. Reload it to use it here.');
    return;
  }
  sessionEnded();
}

export interface RealtimeOptions {
  url?: string;
  createSocket?: WebSocketFactory;
}

/** Opens the tab's socket (idempotent). The conversation list should be loading or loaded. */
export function startRealtime(options: RealtimeOptions = {}): ChatSocket {
  const existing = getSocket();
  if (existing) return existing;
  const socket = new ChatSocket({
    url: options.url,
    createSocket: options.createSocket,
    getPositions: socketPositions,
    onFrame: handleFrame,
    onStateChange: (state) => useConnection.setState({ state }),
    onOpen: ({ reconnect }) => {
      // Reconnected: conversations created, renamed or left meanwhile only show up in the list.
      if (reconnect || !useConversations.getState().list.loaded) void useConversations.getState().load();
    },
    onRetry: (attempt) => {
      // Repeated failures may mean the session is gone (the upgrade answers 401, which a browser hides).
      if (attempt === 3 || attempt % 10 === 0) void checkSession();
    },
    onStopped,
  });
  setSocket(socket);
  const me = myId();
  if (me) restoreUnsent(me);
  // Messages typed before the socket existed (or kept when the last session ended) go into its outbox too.
  for (const p of allPending()) socket.sendMessage(toOutgoing(p));
  window.addEventListener('online', onBrowserOnline);
  socket.connect();
  return socket;
}

let generation = 0;
let started = false;

/**
 * Called when the chat is first shown: loads the conversation list, then opens the socket (its
 * first `sync` starts from the list's positions). Idempotent; it keeps running on the other pages
 * of the logged-in app until stopRealtime() (logout).
 */
export function ensureChatStarted(options: RealtimeOptions = {}): void {
  if (started) return;
  started = true;
  const gen = generation;
  void useConversations
    .getState()
    .load()
    .finally(() => {
      if (gen === generation) startRealtime(options);
    });
}

/** Closes the socket and forgets every chat state (logout). */
export function stopRealtime() {
  generation++;
  started = false;
  const socket = getSocket();
  setSocket(null);
  socket?.disconnect();
  window.removeEventListener('online', onBrowserOnline);
  if (deliveredTimer) clearTimeout(deliveredTimer);
  deliveredTimer = null;
  if (gapTimer) clearTimeout(gapTimer);
  gapTimer = null;
  deliveredQueue = new Map();
  deliveredSent.clear();
  fetching.clear();
  useConnection.setState({ state: 'idle' });
  useConversations.getState().reset();
  useMessages.getState().reset();
  usePresence.getState().reset();
  useTyping.getState().reset();
  useUsers.getState().reset();
  useUi.getState().reset();
}
