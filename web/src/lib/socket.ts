/**
 * The one WebSocket client (docs/protocol.md): reconnects with exponential backoff and jitter,
 * pings every 25 s, keeps an outbox of unacknowledged `message.send` frames that is sent again
 * (same clientId) after every reconnect, sends `sync` with the known positions after every
 * (re)connect, and drops `message.new` frames it already has. Requests made with `request()`
 * (edits, deletes) are kept until a frame answers their `ref`, and sent again after a reconnect.
 * `sync` comes back in pages: while `sync.done` says `more`, it asks again from the positions it
 * reached. Close codes that mean "do not come back by yourself" (session expired or revoked, too
 * many sockets) stop it instead of reconnecting.
 */

import type { SyncPosition } from './chatTypes';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting';

/** Server close codes (docs/protocol.md). Any other close is followed by a reconnect and `sync`. */
export const CLOSE_SLOW_CONSUMER = 4008;
export const CLOSE_TOO_MANY_SOCKETS = 4029;
export const CLOSE_SESSION_EXPIRED = 4401;
export const CLOSE_SESSION_REVOKED = 4403;

/** Why the server stopped this client for good (it does not reconnect by itself). */
export type StopReason = 'session_expired' | 'session_revoked' | 'too_many_sockets';

const STOP_REASONS: Record<number, StopReason> = {
  [CLOSE_SESSION_EXPIRED]: 'session_expired',
  [CLOSE_SESSION_REVOKED]: 'session_revoked',
  [CLOSE_TOO_MANY_SOCKETS]: 'too_many_sockets',
};

export interface Frame<T = unknown> {
  type: string;
  ref?: string;
  data: T;
}

/** The part of the browser WebSocket this client uses (a fake in tests). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

export interface OutgoingMessage {
  conversationId: string;
  clientId: string;
  /** May be empty when there is an image. */
  text: string;
  /** An image this user uploaded (POST /api/media) before sending. */
  imageId?: string;
  /** The id of the message this one replies to. */
  replyTo?: string;
}

export interface SocketErrorData {
  code: string;
  message: string;
}

export interface ChatSocketOptions {
  /** Defaults to ws(s)://<current host>/ws. */
  url?: string;
  createSocket?: WebSocketFactory;
  /**
   * Where to resume each conversation, read at every (re)connect for `sync`: `{seq, change}`
   * (a plain number means the seq only, with no replay of edits and deletes).
   */
  getPositions: () => Record<string, number | SyncPosition>;
  /** Extra duplicate check (e.g. the message is already in the store). */
  isKnown?: (conversationId: string, seq: number) => boolean;
  /** Every incoming frame except dropped duplicates. */
  onFrame?: (frame: Frame) => void;
  onStateChange?: (state: ConnectionState) => void;
  /** After every successful open, once sync and the outbox have been sent. */
  onOpen?: (info: { reconnect: boolean }) => void;
  /** After a connection attempt failed or an open socket closed; `attempt` counts from 1. */
  onRetry?: (attempt: number) => void;
  /**
   * The server closed the socket with a code that means "do not reconnect" (session over: log in
   * again; or this was the account's oldest socket over the cap). The outbox is kept in `pending()`.
   */
  onStopped?: (reason: StopReason) => void;
  random?: () => number;
  pingIntervalMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** An attempt that has not opened after this long is abandoned and retried. */
  connectTimeoutMs?: number;
}

const OPEN = 1;
export const SEND_REF_PREFIX = 'send:';
const SYNC_REF_PREFIX = 'sync-';

export function defaultSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

/** Exponential backoff with jitter: a random delay in [d/2, d], d = min(max, base * 2^attempt). */
export function backoffDelay(attempt: number, random: () => number, baseMs = 500, maxMs = 10_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class ChatSocket {
  private readonly opts: ChatSocketOptions;
  private ws: WebSocketLike | null = null;
  private _state: ConnectionState = 'idle';
  private running = false;
  private everOpened = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeardAt = 0;
  private refCounter = 0;
  /** clientId -> message, in the order they were sent. */
  private readonly outbox = new Map<string, OutgoingMessage>();
  /** ref -> request awaiting its answer (message.edit / message.delete), in the order made. */
  private readonly requests = new Map<string, { type: string; data: unknown }>();
  /** conversationId -> seqs already passed on. */
  private readonly seen = new Map<string, Set<number>>();

  constructor(options: ChatSocketOptions) {
    this.opts = options;
  }

  get state(): ConnectionState {
    return this._state;
  }

  get isOpen(): boolean {
    return this._state === 'open';
  }

  /** Unacknowledged messages, oldest first. */
  pending(): OutgoingMessage[] {
    return [...this.outbox.values()];
  }

  connect(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.open();
  }

  /** Stops for good (logout): closes, cancels timers, forgets the outbox. */
  disconnect(): void {
    this.running = false;
    this.clearTimers();
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      detach(ws);
      try {
        ws.close(1000, 'bye');
      } catch {
        // already closed
      }
    }
    this.outbox.clear();
    this.requests.clear();
    this.seen.clear();
    this.everOpened = false;
    this.setState('idle');
  }

  /** Skips the backoff wait (e.g. the browser came back online). */
  reconnectNow(): void {
    if (!this.running || this.ws) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    this.open();
  }

  /** Sends a frame if the socket is open; returns whether it was sent. */
  send(type: string, data: unknown, ref?: string): boolean {
    const ws = this.ws;
    if (!ws || this._state !== 'open' || ws.readyState !== OPEN) return false;
    const frame: Frame = ref === undefined ? { type, data } : { type, ref, data };
    try {
      ws.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  /** Queues a message in the outbox and sends it now if connected (else after reconnecting). */
  sendMessage(message: OutgoingMessage): void {
    this.outbox.set(message.clientId, message);
    this.sendFromOutbox(message);
  }

  /**
   * Sends a frame that must be answered (a frame carrying the same `ref`, e.g. `message.updated` or
   * `error`): kept until then and sent again after a reconnect. Returns whether it went out now.
   */
  request(type: string, data: unknown, ref: string): boolean {
    this.requests.set(ref, { type, data });
    return this.send(type, data, ref);
  }

  /** Refs of requests still waiting for their answer. */
  pendingRequests(): string[] {
    return [...this.requests.keys()];
  }

  /** Drops a message from the outbox without an ack (e.g. the user gave up). */
  forget(clientId: string): void {
    this.outbox.delete(clientId);
  }

  /** Asks for everything after the known positions (also done after every (re)connect). */
  sync(): boolean {
    return this.send('sync', { positions: this.opts.getPositions() }, `${SYNC_REF_PREFIX}${++this.refCounter}`);
  }

  /** The next page of a sync: from the seq and change positions the last `sync.done` reached. */
  private syncFrom(done: Record<string, unknown>) {
    const seqs = isRecord(done.positions) ? done.positions : {};
    const changes = isRecord(done.changes) ? done.changes : {};
    const positions: Record<string, number | SyncPosition> = {};
    for (const [id, seq] of Object.entries(seqs)) {
      if (typeof seq !== 'number') continue;
      const change = changes[id];
      positions[id] = typeof change === 'number' ? { seq, change } : seq;
    }
    this.send('sync', { positions }, `${SYNC_REF_PREFIX}${++this.refCounter}`);
  }

  // --- internals ---

  private setState(state: ConnectionState) {
    if (this._state === state) return;
    this._state = state;
    this.opts.onStateChange?.(state);
  }

  private sendFromOutbox(message: OutgoingMessage) {
    this.send('message.send', message, SEND_REF_PREFIX + message.clientId);
  }

  private clearTimers() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.connectTimer) clearTimeout(this.connectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.retryTimer = this.connectTimer = this.pingTimer = null;
  }

  private open() {
    this.setState(this.everOpened || this.attempt > 0 ? 'reconnecting' : 'connecting');
    let ws: WebSocketLike;
    try {
      const url = this.opts.url ?? defaultSocketUrl();
      ws = this.opts.createSocket ? this.opts.createSocket(url) : (new WebSocket(url) as WebSocketLike);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => this.handleOpen(ws);
    ws.onmessage = (ev) => this.handleMessage(ws, ev);
    ws.onclose = (ev) => this.handleClose(ws, ev);
    ws.onerror = () => {
      // A close event always follows; nothing to do here.
    };
    const timeout = this.opts.connectTimeoutMs ?? 10_000;
    this.connectTimer = setTimeout(() => {
      if (this.ws === ws && this._state !== 'open') this.drop(ws);
    }, timeout);
  }

  private handleOpen(ws: WebSocketLike) {
    if (this.ws !== ws) return;
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectTimer = null;
    this.attempt = 0;
    this.lastHeardAt = Date.now();
    this.setState('open');
    // Catch up first, then resend whatever was never acknowledged (same clientId: stored once).
    this.sync();
    for (const message of this.outbox.values()) this.sendFromOutbox(message);
    // Edits and deletes whose answer was lost with the old socket (both are safe to repeat).
    for (const [ref, r] of this.requests) this.send(r.type, r.data, ref);
    const interval = this.opts.pingIntervalMs ?? 25_000;
    this.pingTimer = setInterval(() => {
      if (this.ws !== ws) return;
      // Nothing heard (not even a pong) for two intervals: the connection is dead.
      if (Date.now() - this.lastHeardAt > interval * 2 + 5_000) {
        this.drop(ws);
        return;
      }
      this.send('ping', {}, `ping-${++this.refCounter}`);
    }, interval);
    const reconnect = this.everOpened;
    this.everOpened = true;
    this.opts.onOpen?.({ reconnect });
  }

  private handleMessage(ws: WebSocketLike, ev: MessageEvent) {
    if (this.ws !== ws) return;
    this.lastHeardAt = Date.now();
    let frame: unknown;
    try {
      frame = JSON.parse(String(ev.data));
    } catch {
      return;
    }
    if (!isRecord(frame) || typeof frame.type !== 'string') return;
    const data = isRecord(frame.data) ? frame.data : {};
    const typed: Frame = { type: frame.type, data };
    if (typeof frame.ref === 'string') typed.ref = frame.ref;

    switch (typed.type) {
      case 'message.new': {
        const message = data.message;
        if (!isRecord(message)) return;
        const conversationId = String(message.conversationId);
        const seq = Number(message.seq);
        if (this.hasSeen(conversationId, seq)) return; // already have it (live and via sync)
        this.markSeen(conversationId, seq);
        const outgoing = typeof message.clientId === 'string' ? this.outbox.get(message.clientId) : undefined;
        if (outgoing && outgoing.conversationId === conversationId) this.outbox.delete(outgoing.clientId);
        break;
      }
      case 'message.ack': {
        if (typeof data.clientId === 'string') this.outbox.delete(data.clientId);
        const message = data.message;
        if (isRecord(message)) this.markSeen(String(message.conversationId), Number(message.seq));
        break;
      }
      case 'sync.done': {
        // One page of the backlog: ask for the next from where this one ended.
        if (data.more === true && typed.ref?.startsWith(SYNC_REF_PREFIX)) this.syncFrom(data);
        break;
      }
      case 'error': {
        // A refused message.send: it will not be stored, so stop resending it.
        if (typed.ref?.startsWith(SEND_REF_PREFIX)) this.outbox.delete(typed.ref.slice(SEND_REF_PREFIX.length));
        break;
      }
    }
    if (typed.ref !== undefined) this.requests.delete(typed.ref);
    this.opts.onFrame?.(typed);
  }

  private hasSeen(conversationId: string, seq: number): boolean {
    return !!this.seen.get(conversationId)?.has(seq) || !!this.opts.isKnown?.(conversationId, seq);
  }

  private markSeen(conversationId: string, seq: number) {
    if (!Number.isFinite(seq)) return;
    let set = this.seen.get(conversationId);
    if (!set) this.seen.set(conversationId, (set = new Set()));
    set.add(seq);
  }

  private handleClose(ws: WebSocketLike, ev?: CloseEvent) {
    if (this.ws !== ws) return;
    this.ws = null;
    detach(ws);
    const stop = ev ? STOP_REASONS[ev.code] : undefined;
    if (stop) {
      // Reconnecting would be refused (401) or would close another tab in turn: stop, keep the outbox.
      this.running = false;
      this.clearTimers();
      this.setState('idle');
      this.opts.onStopped?.(stop);
      return;
    }
    this.scheduleRetry();
  }

  /** Abandons a socket that never opened or went silent, then retries. */
  private drop(ws: WebSocketLike) {
    if (this.ws !== ws) return;
    this.ws = null;
    detach(ws);
    try {
      ws.close(4000, 'timeout');
    } catch {
      // ignore
    }
    this.scheduleRetry();
  }

  private scheduleRetry() {
    this.clearTimers();
    if (!this.running) {
      this.setState('idle');
      return;
    }
    this.setState('reconnecting');
    const delay = backoffDelay(
      this.attempt,
      this.opts.random ?? Math.random,
      this.opts.baseDelayMs ?? 500,
      this.opts.maxDelayMs ?? 10_000,
    );
    this.attempt += 1;
    this.opts.onRetry?.(this.attempt);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running && !this.ws) this.open();
    }, delay);
  }
}

function detach(ws: WebSocketLike) {
  ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
}
