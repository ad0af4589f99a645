import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon, RetryIcon } from '../components/icons';
import { formatTime } from '../lib/format';
import { MessageImage, type BubbleImage } from './MessageImage';

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

/** One chat bubble. The text is rendered as text (React escapes it), never as HTML. */
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
}: Props) {
  const hasText = text.length > 0;
  return (
    <div
      className={`chat ${mine ? 'chat-end' : 'chat-start'} py-0.5`}
      data-testid="message"
      data-seq={seq ?? ''}
      data-mine={mine ? 'true' : 'false'}
      data-status={mine ? status : undefined}
    >
      {senderName && <div className="chat-header text-xs text-base-content/70 pb-0.5">{senderName}</div>}
      <div
        className={`chat-bubble max-w-[85%] sm:max-w-[75%] ${mine ? 'chat-bubble-primary' : ''} ${status === 'pending' ? 'opacity-80' : ''} ${image ? `p-1.5 ${hasText ? 'min-w-40' : ''}` : ''}`}
      >
        {/* With an image, the caption wraps at the image's width (w-0 min-w-full) instead of widening the bubble. */}
        {image && <MessageImage image={image} progress={uploadProgress} />}
        {(hasText || !image) && (
          <p
            className={`whitespace-pre-wrap break-words [overflow-wrap:anywhere] ${image ? 'w-0 min-w-full px-1.5 pt-1.5 pb-0.5' : ''}`}
            data-testid="message-text"
          >
            {text}
          </p>
        )}
      </div>
      <div className="chat-footer opacity-70 text-xs flex items-center gap-1 pt-0.5">
        <time dateTime={createdAt}>{formatTime(createdAt)}</time>
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
