/** Shapes from docs/api.md "Conversations and messages" and docs/protocol.md. */

export type ConversationType = 'direct' | 'group';
export type Role = 'owner' | 'admin' | 'member';

export interface Member {
  id: string;
  fullName: string;
  avatarUrl: string | null;
  role: Role;
  deliveredSeq: number;
  readSeq: number;
  online: boolean;
  lastSeenAt: string | null;
}

/** An image attached to a message. The URLs are opaque (same-origin paths or absolute https). */
export interface MessageImage {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  clientId: string;
  /** "" for an image without a caption; null once deleted. */
  text: string | null;
  createdAt: string;
  /** null (or absent) when there is none (always null once deleted). */
  image?: MessageImage | null;
  /** null until the message is edited. */
  editedAt?: string | null;
  /** A deleted message stays in history as a tombstone at the same seq (no text, no image). */
  deleted?: boolean;
  deletedAt?: string | null;
  /** The conversation's change number of this message's last edit or delete (0 if never). */
  changeSeq?: number;
  /** The message this one replies to, as it is now; null (or absent) when it is not a reply. */
  replyTo?: Quote | null;
}

/** The quoted message of a reply: the start of its text (null once deleted). */
export interface Quote {
  id: string;
  seq: number;
  senderId: string | null;
  text: string | null;
  image: boolean;
  deleted: boolean;
}

/** The first characters of a message kept in a quote (the server keeps as many). */
export const QUOTE_SNIPPET_MAX = 200;

/** A quote of the message as it is now. */
export function quoteOf(m: Message): Quote {
  if (m.deleted) return { id: m.id, seq: m.seq, senderId: m.senderId, text: null, image: false, deleted: true };
  const chars = Array.from(m.text ?? '');
  return { id: m.id, seq: m.seq, senderId: m.senderId, text: chars.slice(0, QUOTE_SNIPPET_MAX).join(''), image: !!m.image, deleted: false };
}

/** Where `sync` resumes a conversation: the last seq and the last change (edit/delete) applied. */
export interface SyncPosition {
  seq: number;
  change: number;
}

export interface Conversation {
  id: string;
  type: ConversationType;
  name: string;
  members: Member[];
  lastMessage: Message | null;
  lastSeq: number;
  /** The conversation's latest change number (edits and deletes) on the server. */
  lastChange?: number;
  unreadCount: number;
  lastReadSeq: number;
  createdAt: string;
  lastActivityAt: string;
  /** My own mute of this conversation: until when (ISO, null when not muted for a time), or for good. */
  mutedUntil?: string | null;
  mutedForever?: boolean;
}

/** What PUT /api/conversations/{id}/mute takes. */
export type MuteDuration = '1h' | '8h' | 'always';

export interface UserSummary {
  id: string;
  fullName: string;
  avatarUrl: string | null;
}

export interface Receipt {
  conversationId: string;
  userId: string;
  deliveredSeq: number;
  readSeq: number;
}

export interface Presence {
  online: boolean;
  lastSeenAt: string | null;
}

/** What the list and the thread show in place of a deleted message. */
export const DELETED_TEXT = 'This message was deleted';

/** Text limit in code points (server: 1..4000 after trimming; an image caption may be empty). */
export const MESSAGE_MAX = 4000;
export const GROUP_NAME_MAX = 80;
