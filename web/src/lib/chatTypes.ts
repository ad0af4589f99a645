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
  /** "" for an image without a caption. */
  text: string;
  createdAt: string;
  /** null (or absent) when there is none. */
  image?: MessageImage | null;
}

export interface Conversation {
  id: string;
  type: ConversationType;
  name: string;
  members: Member[];
  lastMessage: Message | null;
  lastSeq: number;
  unreadCount: number;
  lastReadSeq: number;
  createdAt: string;
  lastActivityAt: string;
}

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

/** Text limit in code points (server: 1..4000 after trimming; an image caption may be empty). */
export const MESSAGE_MAX = 4000;
export const GROUP_NAME_MAX = 80;
