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

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  clientId: string;
  text: string;
  createdAt: string;
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

/** Text limit in code points (server: 1..4000 after trimming). */
export const MESSAGE_MAX = 4000;
export const GROUP_NAME_MAX = 80;
