import type { Conversation, Member, Message } from '../lib/chatTypes';

/** Chat fixtures. The logged-in test user is `ada` (id 1 → member id '1'). */

export const ME = '1';

export function member(id: string, fullName: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    fullName,
    avatarUrl: null,
    role: 'member',
    deliveredSeq: 0,
    readSeq: 0,
    online: false,
    lastSeenAt: null,
    ...extra,
  };
}

export const adaMember = (extra: Partial<Member> = {}) => member(ME, 'Ada Lovelace', extra);
export const bob = (extra: Partial<Member> = {}) => member('2', 'Bob Stone', extra);
export const cat = (extra: Partial<Member> = {}) => member('3', 'Cat Woods', extra);

export function message(conversationId: string, seq: number, senderId: string, extra: Partial<Message> = {}): Message {
  return {
    id: `m-${conversationId}-${seq}`,
    conversationId,
    seq,
    senderId,
    clientId: `client-${conversationId}-${seq}`,
    text: `message ${seq}`,
    createdAt: new Date(Date.UTC(2026, 10, 26, 12, seq)).toISOString(),
    ...extra,
  };
}

export function conversation(id: string, extra: Partial<Conversation> = {}): Conversation {
  const lastSeq = extra.lastSeq ?? extra.lastMessage?.seq ?? 0;
  return {
    id,
    type: 'direct',
    name: 'Bob Stone',
    members: [adaMember({ deliveredSeq: lastSeq, readSeq: lastSeq }), bob()],
    lastMessage: null,
    lastSeq,
    unreadCount: 0,
    lastReadSeq: lastSeq,
    createdAt: '2026-11-01T09:00:00.000Z',
    lastActivityAt: '2026-11-01T09:00:00.000Z',
    ...extra,
  };
}

export function group(id: string, extra: Partial<Conversation> = {}): Conversation {
  return conversation(id, {
    type: 'group',
    name: 'Launch team',
    members: [adaMember({ role: 'owner' }), bob(), cat()],
    ...extra,
  });
}

/** `m` after an edit to `text`, the conversation's change number `changeSeq`. */
export function edited(m: Message, text: string, changeSeq: number, editedAt = '2026-11-26T13:00:00.000Z'): Message {
  return { ...m, text, editedAt, changeSeq };
}

/** `m` deleted (its tombstone), the conversation's change number `changeSeq`. */
export function deleted(m: Message, changeSeq: number, deletedAt = '2026-11-26T13:30:00.000Z'): Message {
  return { ...m, text: null, image: null, deleted: true, deletedAt, changeSeq };
}
