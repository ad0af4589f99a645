import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spinner } from '../components/Spinner';
import type { Conversation, Member, Message, Quote } from '../lib/chatTypes';
import { dayKey, formatDayLabel } from '../lib/format';
import { tombstone, type PendingChange, type PendingMessage, type Thread } from '../store/messages';
import { MessageBubble, type MessageStatus } from './MessageBubble';
import type { BubbleImage } from './MessageImage';
import { firstName, otherMembers } from './people';

/** Load older history when the list is scrolled this close to its top. */
const TOP_THRESHOLD_PX = 120;
/** Count as "at the bottom" (follow new messages) within this distance. */
const BOTTOM_THRESHOLD_PX = 80;

interface Props {
  conversation: Conversation;
  thread: Thread;
  me: string | null;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
  /** The message being edited in place (mine). */
  editingId?: string | null;
  /** Group owners and admins may delete others' messages too. */
  canDeleteOthers?: boolean;
  onStartEdit?: (messageId: string) => void;
  onSaveEdit?: (messageId: string, text: string) => void;
  onCancelEdit?: () => void;
  onDelete?: (message: Message) => void;
  onReply?: (message: Message) => void;
  /** A quote was clicked: bring the quoted message (by seq) into view, loading older history if needed. */
  onOpenQuote?: (seq: number) => void;
  /** Scroll this message into view and mark it for a moment; `n` changes for every new request. */
  target?: { seq: number; n: number } | null;
}

/**
 * Above this many rows only the rows in and near view are in the page (windowing), so thousands of loaded messages
 * stay smooth; below it every row is rendered, which keeps short conversations exactly as simple as they look.
 */
export const VIRTUALIZE_FROM = 300;

/** What an unmeasured row is taken to be tall (corrected once it is rendered and measured). */
function estimateRow(row: Row): number {
  if (row.kind === 'message') return row.message.image ? 240 : row.message.replyTo ? 96 : 64;
  if (row.kind === 'pending') return row.pending.image ? 240 : 64;
  return 40;
}

/** How long the message a quote or search hit led to stays marked. */
export const HIGHLIGHT_MS = 2500;

/** The name a quote shows for its sender. */
export function quoteSenderName(q: Quote, conversation: Conversation, me: string | null): string {
  if (q.senderId !== null && q.senderId === me) return 'You';
  return conversation.members.find((x) => x.id === q.senderId)?.fullName ?? 'Former member';
}

type Row =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'unread'; key: string }
  | { kind: 'message'; key: string; message: Message; showSender: boolean }
  | { kind: 'pending'; key: string; pending: PendingMessage };

/** My message's status from the other members' positions: read/delivered once all of them got there. */
export function statusFor(seq: number, others: Member[]): MessageStatus {
  if (others.length === 0) return 'sent';
  if (others.every((m) => m.readSeq >= seq)) return 'read';
  if (others.every((m) => Math.max(m.deliveredSeq, m.readSeq) >= seq)) return 'delivered';
  return 'sent';
}

/** Alt text of a message image: its caption, else who sent it. */
export function imageAlt(caption: string, senderName: string | null): string {
  const text = caption.replace(/\s+/g, ' ').trim();
  if (text) return text;
  return senderName ? `Image from ${senderName}` : 'Image';
}

function storedImage(m: Message, senderName: string | null): BubbleImage | null {
  if (!m.image || m.deleted) return null;
  return {
    src: m.image.thumbnailUrl || m.image.url,
    fullSrc: m.image.url,
    width: m.image.width,
    height: m.image.height,
    alt: imageAlt(m.text ?? '', senderName),
  };
}

/** A stored message as shown while my edit or delete of it is on its way. */
export function withPendingChange(m: Message, change: PendingChange | undefined): Message {
  if (!change) return m;
  if (change.kind === 'delete') return tombstone(m, change.at);
  return { ...m, text: change.text ?? '', editedAt: change.at };
}

function pendingImage(p: PendingMessage): BubbleImage | null {
  if (!p.image) return null;
  return {
    src: p.image.previewUrl,
    fullSrc: p.image.previewUrl,
    width: p.image.width,
    height: p.image.height,
    alt: imageAlt(p.text, 'you'),
  };
}

/**
 * The seq before which the "New messages" divider goes: the first message of someone else after what was read when
 * the conversation was opened; null when nothing was unread then.
 */
export function firstUnreadSeq(messages: Message[], readSeqAtOpen: number, me: string | null): number | null {
  const first = messages.find((m) => m.seq > readSeqAtOpen && m.senderId !== me);
  return first ? first.seq : null;
}

/** Messages of others newer than seq: what arrived while the reader was scrolled up. */
export function countNewerFromOthers(messages: Message[], seq: number, me: string | null): number {
  let n = 0;
  for (let i = messages.length - 1; i >= 0 && messages[i].seq > seq; i--) if (messages[i].senderId !== me) n++;
  return n;
}

function buildRows(messages: Message[], pending: PendingMessage[], me: string | null, unreadSeq: number | null = null): Row[] {
  const rows: Row[] = [];
  let lastDay = '';
  let lastSender: string | null = null;
  const addDay = (iso: string) => {
    const key = dayKey(iso);
    if (key && key !== lastDay) {
      rows.push({ kind: 'day', key: `day-${key}`, label: formatDayLabel(iso) });
      lastDay = key;
      lastSender = null;
    }
  };
  for (const m of messages) {
    addDay(m.createdAt);
    if (m.seq === unreadSeq) {
      rows.push({ kind: 'unread', key: 'unread-divider' });
      lastSender = null;
    }
    rows.push({ kind: 'message', key: `${m.senderId}:${m.clientId}:${m.seq}`, message: m, showSender: m.senderId !== lastSender });
    lastSender = m.senderId;
  }
  for (const p of pending) {
    addDay(p.createdAt);
    rows.push({ kind: 'pending', key: `${me}:${p.clientId}`, pending: p });
    lastSender = me;
  }
  return rows;
}

/** The scrolling message area: history paging at the top, follows new messages at the bottom. */
export function MessageList({
  conversation,
  thread,
  me,
  onLoadOlder,
  onRetry,
  editingId = null,
  canDeleteOthers = false,
  onStartEdit,
  onSaveEdit,
  onCancelEdit,
  onDelete,
  onReply,
  onOpenQuote,
  target = null,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const isGroup = conversation.type === 'group';
  const others = useMemo(() => otherMembers(conversation, me), [conversation, me]);
  // The read position as it was when the conversation was opened: the divider stays put while it is open.
  const [readSeqAtOpen] = useState(conversation.lastReadSeq);
  const unreadSeq = useMemo(() => firstUnreadSeq(thread.messages, readSeqAtOpen, me), [thread.messages, readSeqAtOpen, me]);
  const rows = useMemo(
    () => buildRows(thread.messages, thread.pending, me, unreadSeq),
    [thread.messages, thread.pending, me, unreadSeq],
  );
  const virtual = rows.length > VIRTUALIZE_FROM;
  // Where the rows start inside the scrolling list (below "This is the beginning..."), for the virtualizer's offsets.
  const windowRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    scrollMargin: windowRef.current?.offsetTop ?? 0,
    count: virtual ? rows.length : 0,
    getScrollElement: () => ref.current,
    estimateSize: (i) => estimateRow(rows[i]),
    getItemKey: (i) => rows[i].key,
    overscan: 12,
  });
  const scrollToRow = useCallback(
    (index: number, align: 'end' | 'center') => {
      const el = ref.current;
      if (!el) return;
      if (virtual) virtualizer.scrollToIndex(index, { align });
      else if (align === 'end') el.scrollTop = el.scrollHeight;
      else {
        const row = rows[index];
        if (row?.kind !== 'message') return;
        el.querySelector<HTMLElement>(`[data-testid="message"][data-seq="${row.message.seq}"]`)?.scrollIntoView?.({ block: 'center' });
      }
    },
    [virtual, virtualizer, rows],
  );
  // Scrolled up: the newest seq seen at the bottom, to count what arrived since; null at the bottom.
  const [awayFromSeq, setAwayFromSeq] = useState<number | null>(null);
  const lastSeq = thread.messages[thread.messages.length - 1]?.seq ?? 0;
  const hasOlder = thread.loaded && thread.nextBefore !== null;

  // "Seen by" goes under my newest stored message in a group.
  const seenBy = useMemo(() => {
    if (!isGroup) return null;
    for (let i = thread.messages.length - 1; i >= 0; i--) {
      const m = thread.messages[i];
      if (m.senderId !== me) continue;
      const names = others.filter((o) => o.readSeq >= m.seq).map((o) => firstName(o.fullName));
      return names.length > 0 ? { seq: m.seq, text: `Seen by ${names.join(', ')}` } : null;
    }
    return null;
  }, [isGroup, thread.messages, others, me]);

  const requestOlder = useCallback(() => {
    const el = ref.current;
    if (!el || !hasOlder || thread.loadingOlder) return;
    anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    onLoadOlder();
  }, [hasOlder, thread.loadingOlder, onLoadOlder]);

  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_THRESHOLD_PX;
    if (atBottom.current) setAwayFromSeq(null);
    else setAwayFromSeq((away) => (away === null ? lastSeq : away));
    if (el.scrollTop < TOP_THRESHOLD_PX) requestOlder();
  };

  const firstSeq = thread.messages[0]?.seq ?? null;
  const lastRow = rows[rows.length - 1];
  const lastKey = lastRow?.key ?? null;
  const lastIsMinePending = lastRow?.kind === 'pending';

  // Older page prepended: keep what the user was looking at in place.
  useLayoutEffect(() => {
    const el = ref.current;
    const a = anchor.current;
    if (!el || !a || thread.loadingOlder) return;
    el.scrollTop = el.scrollHeight - a.height + a.top;
    anchor.current = null;
  }, [firstSeq, thread.loadingOlder]);

  // New message at the bottom: follow it if we were at the bottom, or if we sent it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (atBottom.current || lastIsMinePending) {
      el.scrollTop = el.scrollHeight;
      scrollToRow(rows.length - 1, 'end');
      atBottom.current = true;
    }
    // rows.length and scrollToRow follow lastKey; listing them would re-run this on every older page
  }, [lastKey, lastIsMinePending, thread.loaded]);

  // Measured rows grow or shrink the list: a reader at the bottom stays at the bottom.
  const totalSize = virtual ? virtualizer.getTotalSize() : 0;
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && virtual && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [totalSize, virtual]);

  const jumpToLatest = () => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    scrollToRow(rows.length - 1, 'end');
    atBottom.current = true;
    setAwayFromSeq(null);
  };
  const newWhileAway = awayFromSeq === null ? 0 : countNewerFromOthers(thread.messages, awayFromSeq, me);

  // A quote or search hit led here: centre that message and mark it for a moment.
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);
  const targetLoaded = target !== null && thread.messages.some((m) => m.seq === target.seq);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !target || !targetLoaded) return;
    const index = rows.findIndex((r) => r.kind === 'message' && r.message.seq === target.seq);
    if (index !== -1) scrollToRow(index, 'center');
    atBottom.current = false;
    setHighlightSeq(target.seq);
    // only a new target moves the view, not rows arriving while it is shown
  }, [target, targetLoaded]);
  useEffect(() => {
    if (highlightSeq === null) return;
    const t = setTimeout(() => setHighlightSeq(null), HIGHLIGHT_MS);
    return () => clearTimeout(t);
  }, [highlightSeq, target]);

  // A short history that does not fill the screen cannot be scrolled: fetch more right away.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && hasOlder && !thread.loadingOlder && el.scrollHeight > 0 && el.scrollHeight <= el.clientHeight) requestOlder();
  }, [hasOlder, thread.loadingOlder, firstSeq, requestOlder]);

  const renderRow = (row: Row) => {
    if (row.kind === 'day') {
      return (
        <div key={row.key} className="divider text-xs text-base-content/50 my-2" role="separator" data-testid="date-separator">
          {row.label}
        </div>
      );
    }
    if (row.kind === 'unread') {
      return (
        <div key={row.key} className="divider divider-error text-xs text-error my-2" role="separator" data-testid="unread-divider">
          New messages
        </div>
      );
    }
    if (row.kind === 'pending') {
      const p = row.pending;
      return (
        <MessageBubble
          key={row.key}
          text={p.text}
          createdAt={p.createdAt}
          seq={null}
          mine
          status={p.status}
          showTicks={!isGroup}
          error={p.error}
          onRetry={() => onRetry(p.clientId)}
          image={pendingImage(p)}
          quote={p.replyTo ? { quote: p.replyTo, senderName: quoteSenderName(p.replyTo, conversation, me) } : null}
          uploadProgress={p.image && !p.image.imageId && p.status === 'pending' ? p.image.progress : null}
        />
      );
    }
    const stored = row.message;
    const change = thread.changing[stored.id];
    const m = withPendingChange(stored, change);
    const mine = m.senderId === me;
    const deleted = !!m.deleted;
    const sender = !mine && isGroup && row.showSender ? conversation.members.find((x) => x.id === m.senderId) : undefined;
    const imageFrom = m.image
      ? mine
        ? 'you'
        : (conversation.members.find((x) => x.id === m.senderId)?.fullName ?? null)
      : null;
    return (
      <Fragment key={row.key}>
        <MessageBubble
          text={m.text ?? ''}
          createdAt={m.createdAt}
          seq={m.seq}
          mine={mine}
          status={mine ? statusFor(m.seq, others) : undefined}
          showTicks={!isGroup}
          senderName={!mine && isGroup && row.showSender ? (sender?.fullName ?? 'Former member') : null}
          image={storedImage(m, imageFrom)}
          editedAt={m.editedAt ?? null}
          deleted={deleted}
          saving={!!change}
          canEdit={mine && !deleted && !!onStartEdit}
          canDelete={!deleted && (mine || canDeleteOthers) && !!onDelete}
          onEdit={() => onStartEdit?.(m.id)}
          onDelete={() => onDelete?.(stored)}
          editing={editingId === m.id && mine && !deleted}
          onSaveEdit={(text) => onSaveEdit?.(m.id, text)}
          onCancelEdit={onCancelEdit}
          quote={m.replyTo ? { quote: m.replyTo, senderName: quoteSenderName(m.replyTo, conversation, me) } : null}
          onOpenQuote={m.replyTo && onOpenQuote ? () => onOpenQuote(m.replyTo!.seq) : undefined}
          canReply={!deleted && !!onReply}
          onReply={() => onReply?.(stored)}
          highlighted={highlightSeq === m.seq}
        />
        {seenBy && seenBy.seq === m.seq && (
          <p className="text-right text-xs text-base-content/60 pr-1 -mt-0.5 mb-1" data-testid="seen-by">
            {seenBy.text}
          </p>
        )}
      </Fragment>
    );
  };

  return (
    <div className="relative flex-1 min-h-0 flex flex-col">
      <div
        ref={ref}
        onScroll={onScroll}
        className="flex-1 min-h-0 overflow-y-auto overscroll-contain px-3 sm:px-4 py-3"
        data-testid="message-list"
        aria-label="Messages"
        role="log"
      >
        {thread.loadingOlder && (
          <div
            className="absolute inset-x-0 top-2 z-10 flex justify-center pointer-events-none"
            role="status"
            aria-label="Loading older messages"
            data-testid="history-loading"
          >
            <Spinner className="loading-sm text-base-content/50" />
          </div>
        )}
        {thread.loaded && thread.nextBefore === null && thread.messages.length > 0 && (
          <p className="text-center text-xs text-base-content/50 py-2">This is the beginning of the conversation.</p>
        )}
        {!thread.loaded && thread.loading && (
          <div className="flex flex-col gap-3 py-2" aria-label="Loading messages" role="status" data-testid="thread-loading">
            {[0, 1, 2, 3].map((i) => (
              <div key={i} className={`flex ${i % 2 ? 'justify-end' : 'justify-start'}`}>
                <div className={`skeleton h-10 rounded-2xl ${i % 2 ? 'w-1/2' : 'w-2/3'}`} />
              </div>
            ))}
          </div>
        )}
        {thread.loaded && rows.length === 0 && (
          <div className="h-full grid place-items-center text-center text-sm text-base-content/60" data-testid="thread-empty">
            <p>No messages yet. Say hi!</p>
          </div>
        )}
        {virtual ? (
          <div ref={windowRef} className="relative w-full" style={{ height: totalSize }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full flow-root"
                style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
              >
                {renderRow(rows[item.index])}
              </div>
            ))}
          </div>
        ) : (
          rows.map(renderRow)
        )}
      </div>
      {awayFromSeq !== null && (
        <button
          type="button"
          className="btn btn-sm btn-circle btn-primary absolute bottom-3 right-4 shadow-lg w-auto px-3 gap-1"
          onClick={jumpToLatest}
          aria-label={newWhileAway > 0 ? `Jump to latest, ${newWhileAway} new` : 'Jump to latest'}
          data-testid="jump-to-latest"
        >
          <span aria-hidden="true">↓</span>
          {newWhileAway > 0 && <span data-testid="jump-to-latest-count">{newWhileAway}</span>}
        </button>
      )}
    </div>
  );
}
