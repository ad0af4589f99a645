import { Link } from 'react-router';
import { Avatar } from '../components/Avatar';
import { BellOffIcon } from '../components/icons';
import { DELETED_TEXT, type Conversation, type Message } from '../lib/chatTypes';
import { formatListTime } from '../lib/format';
import { isMuted, useConversations } from '../store/conversations';
import { firstName } from './people';

interface Props {
  conversation: Conversation;
  me: string | null;
  selected: boolean;
  /** Direct chats: the other person is online. */
  online: boolean;
  typing: string | null;
}

/**
 * The last message as one line; an image reads "📷 Photo", or "📷 <caption>"; a deleted one
 * "This message was deleted".
 */
export function messagePreview(m: Pick<Message, 'text' | 'image' | 'deleted'>): string {
  if (m.deleted) return DELETED_TEXT;
  const text = (m.text ?? '').replace(/\s+/g, ' ').trim();
  if (!m.image) return text;
  return text ? `📷 ${text}` : '📷 Photo';
}

function preview(c: Conversation, me: string | null): string {
  const m = c.lastMessage;
  if (!m) return c.type === 'group' ? 'Group created' : 'No messages yet';
  const text = messagePreview(m);
  if (m.deleted) return text;
  if (m.senderId === me) return `You: ${text}`;
  if (c.type === 'group') {
    const sender = c.members.find((x) => x.id === m.senderId);
    return sender ? `${firstName(sender.fullName)}: ${text}` : text;
  }
  return text;
}

/** One row of the conversation list. */
export function ConversationItem({ conversation: c, me, selected, online, typing }: Props) {
  const unread = c.unreadCount;
  // Re-read when a timed mute runs out (the store's timer moves muteClock).
  useConversations((s) => s.muteClock);
  const muted = isMuted(c);
  return (
    <li>
      <Link
        to={`/c/${encodeURIComponent(c.id)}`}
        className={`flex items-center gap-3 px-3 py-2.5 rounded-box hover:bg-base-200 ${selected ? 'bg-base-200' : ''}`}
        aria-current={selected ? 'page' : undefined}
        data-testid="conversation-item"
        data-conversation-id={c.id}
      >
        <span className="relative shrink-0">
          <Avatar fullName={c.name} avatarUrl={c.type === 'direct' ? (c.members.find((m) => m.id !== me)?.avatarUrl ?? null) : null} />
          {online && (
            <span
              className="absolute bottom-0 right-0 size-3 rounded-full bg-success ring-2 ring-base-100"
              role="img"
              aria-label="Online"
              data-testid="online-dot"
            />
          )}
        </span>
        <span className="flex-1 min-w-0">
          <span className="flex items-baseline gap-2">
            <span className={`flex-1 truncate ${unread > 0 ? 'font-semibold' : 'font-medium'}`}>{c.name}</span>
            {muted && (
              <BellOffIcon
                className="size-3.5 shrink-0 self-center text-base-content/50"
                role="img"
                aria-hidden={false}
                aria-label="Muted"
                data-testid="muted-icon"
              />
            )}
            <span className={`text-xs shrink-0 ${unread > 0 && !muted ? 'text-primary' : 'text-base-content/50'}`}>
              {formatListTime(c.lastMessage?.createdAt ?? c.lastActivityAt)}
            </span>
          </span>
          <span className="flex items-center gap-2">
            <span
              className={`flex-1 truncate text-sm ${typing ? 'text-primary' : unread > 0 ? 'text-base-content/80' : 'text-base-content/60'}`}
            >
              {typing ?? preview(c, me)}
            </span>
            {unread > 0 && (
              <span
                className={`badge badge-sm rounded-full min-w-5 px-1.5 tabular-nums ${muted ? 'badge-ghost text-base-content/60' : 'badge-primary'}`}
                aria-label={muted ? `${unread} unread, muted` : `${unread} unread`}
                data-testid="unread-badge"
              >
                {unread}
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
