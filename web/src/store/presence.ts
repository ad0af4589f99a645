import { create } from 'zustand';
import type { Member, Presence } from '../lib/chatTypes';

export interface PresenceState {
  byUser: Record<string, Presence>;
  /** A `presence` frame: always the newest word. */
  set: (userId: string, presence: Presence) => void;
  /** From conversation members: fills in users we have not heard about yet. */
  seed: (members: Pick<Member, 'id' | 'online' | 'lastSeenAt'>[]) => void;
  reset: () => void;
}

export const usePresence = create<PresenceState>()((set) => ({
  byUser: {},
  set: (userId, presence) =>
    set((s) => {
      const current = s.byUser[userId];
      if (current && current.online === presence.online && current.lastSeenAt === presence.lastSeenAt) return s;
      return { byUser: { ...s.byUser, [userId]: { online: presence.online, lastSeenAt: presence.lastSeenAt ?? null } } };
    }),
  seed: (members) =>
    set((s) => {
      const fresh = members.filter((m) => !(m.id in s.byUser));
      if (fresh.length === 0) return s;
      const byUser = { ...s.byUser };
      for (const m of fresh) byUser[m.id] = { online: !!m.online, lastSeenAt: m.lastSeenAt ?? null };
      return { byUser };
    }),
  reset: () => set({ byUser: {} }),
}));

/** Presence of one user, falling back to what a conversation member says. */
export function presenceOf(
  byUser: Record<string, Presence>,
  member: Pick<Member, 'id' | 'online' | 'lastSeenAt'> | undefined,
): Presence {
  if (!member) return { online: false, lastSeenAt: null };
  return byUser[member.id] ?? { online: member.online, lastSeenAt: member.lastSeenAt };
}
