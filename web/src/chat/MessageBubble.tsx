import { useCallback, useEffect, useRef, useState, type MouseEvent, type TouchEvent } from 'react';
import { MessageText } from './MessageText';
import { AlertIcon, BanIcon, CheckIcon, ClockIcon, DoubleCheckIcon, RetryIcon } from '../components/icons';
import { DELETED_TEXT } from '../lib/chatTypes';
import { formatDateTime, formatTime } from '../lib/format';
import { MessageEditor } from './MessageEditor';
import { MessageImage, type BubbleImage } from './MessageImage';
import { MessageMenu } from './MessageMenu';
import { QuoteBlock } from './QuoteBlock';
import type { Quote } from '../lib/chatTypes';

/** A touch held this long opens the message menu. */
export const LONG_PRESS_MS = 500;

export type MessageStatus = 'pending' | 'failed' | 'sent' | 'delivered' | 'read';

interface Props {
  text: string;
  createdAt: string;
  /** null while pending. */
  seq: number | null;
  mine: boolean;
  /** For my messages. */
  status?: MessageStatus;
  /** Tick marks (direct chats). */
  showTicks?: boolean;
  /** Groups: the sender's name above the first of a run of their messages. */
  senderName?: string | null;
  error?: string | null;
  onRetry?: () => void;
  /** An attached image (its caption is `text`, possibly empty). */
  image?: BubbleImage | null;
  /** 0–100 while the image uploads. */
  uploadProgress?: number | null;
  /** Set once edited: an "edited" label with the time as its tooltip. */
  editedAt?: string | null;
  /** A tombstone: "This message was deleted" instead of the text and image. */
  deleted?: boolean;
  /** My edit or delete of it is on its way. */
  saving?: boolean;
  /** Menu actions (never on pending messages or tombstones). */
  canEdit?: boolean;
  canDelete?: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
  /** Shown as an editor (textarea) instead of the text. */
  editing?: boolean;
  onSaveEdit?: (text: string) => void;
  onCancelEdit?: () => void;
  /** The message this one replies to, with its sender's name. */
  quote?: { quote: Quote; senderName: string } | null;
  /** Click on the quote: show the quoted message. */
  onOpenQuote?: () => void;
  canReply?: boolean;
  onReply?: () => void;
  /** Briefly marked: the message a quote or a search hit led to. */
  highlighted?: boolean;
}

const TICK_LABEL: Record<MessageStatus, string> = {
  pending: 'Sending',
  failed: 'Not sent',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
};

export function Ticks({ status }: { status: MessageStatus }) {
  const label = TICK_LABEL[status];
  let icon;
  if (status === 'pending') icon = <ClockIcon className="size-3.5" />;
  else if (status === 'failed') icon = <AlertIcon className="size-3.5 text-error" />;
  else if (status === 'sent') icon = <CheckIcon className="size-3.5" />;
  else icon = <DoubleCheckIcon className={`size-4 ${status === 'read' ? 'text-info' : ''}`} />;
  return (
    <span className="inline-flex items-center" role="img" aria-label={label} title={label} data-testid="message-ticks" data-status={status}>
      {icon}
    </span>
  );
}

/** One chat bubble. The text is rendered as text (React escapes it), never as HTML; only http, https and mailto URLs become links. */
export function MessageBubble({
  text,
  createdAt,
  seq,
  mine,
  status,
  showTicks,
  senderName,
  error,
  onRetry,
  image,
  uploadProgress = null,
  editedAt = null,
  deleted = false,
  saving = false,
  canEdit = false,
  canDelete = false,
  onEdit,
  onDelete,
  editing = false,
  onSaveEdit,
  onCancelEdit,
  quote = null,
  onOpenQuote,
  canReply = false,
  onReply,
  highlighted = false,
}: Props) {
  const hasText = text.length > 0;
  const stored = seq !== null && status !== 'pending' && status !== 'failed';
  const hasMenu = stored && !deleted && !editing && !saving && (canEdit || canDelete || canReply);
  const isEditing = editing && stored && !deleted;
  const shownImage = deleted ? null : image;
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  useEffect(() => {
    if (!hasMenu) setMenuOpen(false); // e.g. deleted meanwhile, or being edited
  }, [hasMenu]);
  const longPress = useLongPress(hasMenu, () => setMenuOpen(true));

  let bubbleClass = 'chat-bubble max-w-[85%] sm:max-w-[75%]';
  if (isEditing) bubbleClass += ' w-[85%] sm:w-[28rem] p-2';
  if (deleted) bubbleClass += ' bg-base-200 text-base-content/60';
  else if (mine) bubbleClass += ' chat-bubble-primary';
  if (status === 'pending' || saving) bubbleClass += ' opacity-80';
  if (shownImage && !isEditing) bubbleClass += ` p-1.5 ${hasText ? 'min-w-40' : ''}`;
  if (highlighted) bubbleClass += ' ring-2 ring-warning ring-offset-2 ring-offset-base-100';

  return (
    <div
      className={`chat ${mine ? 'chat-end' : 'chat-start'} py-0.5 group`}
      data-testid="message"
      data-seq={seq ?? ''}
      data-mine={mine ? 'true' : 'false'}
      data-status={mine ? status : undefined}
      data-deleted={deleted ? 'true' : undefined}
      data-highlighted={highlighted ? 'true' : undefined}
    >
      {senderName && <div className="chat-header text-xs text-base-content/70 pb-0.5">{senderName}</div>}
      <div className={bubbleClass} {...(hasMenu ? longPress : {})}>
        {deleted ? (
          <p className="italic flex items-center gap-1.5 select-none" data-testid="message-deleted">
            <BanIcon className="size-4 shrink-0" />
            {DELETED_TEXT}
          </p>
        ) : (
          <>
            {quote && <QuoteBlock quote={quote.quote} senderName={quote.senderName} onPrimary={mine} onOpen={onOpenQuote} />}
            {/* With an image, the caption wraps at the image's width (w-0 min-w-full) instead of widening the bubble. */}
            {shownImage && <MessageImage image={shownImage} progress={uploadProgress} />}
            {isEditing ? (
              <div className={shownImage ? 'pt-1.5' : ''}>
                <MessageEditor
                  initialText={text}
                  allowEmpty={!!shownImage}
                  onSave={(t) => onSaveEdit?.(t)}
                  onCancel={() => onCancelEdit?.()}
                />
              </div>
            ) : (
              (hasText || !shownImage) && (
                <p
                  className={`whitespace-pre-wrap break-words [overflow-wrap:anywhere] ${shownImage ? 'w-0 min-w-full px-1.5 pt-1.5 pb-0.5' : ''}`}
                  data-testid="message-text"
                >
                  <MessageText text={text} />
                </p>
              )
            )}
          </>
        )}
        {hasMenu && (
          <MessageMenu
            side={mine ? 'left' : 'right'}
            open={menuOpen}
            onToggle={() => setMenuOpen((o) => !o)}
            onClose={closeMenu}
            canEdit={canEdit}
            canDelete={canDelete}
            canReply={canReply}
            onReply={() => {
              setMenuOpen(false);
              onReply?.();
            }}
            onEdit={() => {
              setMenuOpen(false);
              onEdit?.();
            }}
            onDelete={() => {
              setMenuOpen(false);
              onDelete?.();
            }}
          />
        )}
      </div>
      <div className="chat-footer opacity-70 text-xs flex items-center gap-1 pt-0.5">
        <time dateTime={createdAt}>{formatTime(createdAt)}</time>
        {editedAt && !deleted && (
          <span className="italic" title={`Edited ${formatDateTime(editedAt)}`} data-testid="message-edited">
            edited
          </span>
        )}
        {mine && status && (showTicks || status === 'pending' || status === 'failed') && <Ticks status={status} />}
        {status === 'failed' && (
          <>
            <span className="text-error">{error ?? 'Not sent'}</span>
            <button type="button" className="btn btn-ghost btn-xs text-error" onClick={onRetry} data-testid="message-retry">
              <RetryIcon className="size-3.5" /> Retry
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/**
 * Touch handlers that call `onLongPress` after a finger rests LONG_PRESS_MS on the element (moving
 * cancels it); the click and context menu that follow a long press are swallowed.
 */
function useLongPress(enabled: boolean, onLongPress: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fired = useRef(false);
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);
  useEffect(() => {
    if (!enabled) cancel();
  }, [enabled, cancel]);

  return {
    onTouchStart: (e: TouchEvent) => {
      fired.current = false;
      cancel();
      if (e.touches.length !== 1) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        fired.current = true;
        onLongPress();
      }, LONG_PRESS_MS);
    },
    onTouchMove: cancel,
    onTouchEnd: cancel,
    onTouchCancel: cancel,
    onContextMenu: (e: MouseEvent) => {
      if (fired.current || timer.current) e.preventDefault();
    },
    onClickCapture: (e: MouseEvent) => {
      if (!fired.current) return;
      fired.current = false;
      e.preventDefault();
      e.stopPropagation();
    },
  };
}
