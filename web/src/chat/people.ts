import type { Conversation, Member, Presence } from '../lib/chatTypes';
import { joinNames } from '../lib/format';
import { presenceOf } from '../store/presence';

/** Small pure helpers about members, shared by the sidebar and the thread. */

export function otherMembers(c: Conversation, me: string | null): Member[] {
  return c.members.filter((m) => m.id !== me);
}

/** The other person of a direct conversation. */
export function peer(c: Conversation, me: string | null): Member | undefined {
  return c.type === 'direct' ? c.members.find((m) => m.id !== me) : undefined;
}

export function isAnyoneOnline(c: Conversation, me: string | null, byUser: Record<string, Presence>): boolean {
  return otherMembers(c, me).some((m) => presenceOf(byUser, m).online);
}

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] || fullName;
}

/** "Alice is typing…", "Alice and Bob are typing…" (first names, like "Seen by"). */
export function typingText(c: Conversation, userIds: string[] | undefined): string | null {
  if (!userIds || userIds.length === 0) return null;
  const names = userIds.map((id) => {
    const m = c.members.find((x) => x.id === id);
    return m ? firstName(m.fullName) : 'Someone';
  });
  return `${joinNames(names)} ${names.length === 1 ? 'is' : 'are'} typing…`;
}
