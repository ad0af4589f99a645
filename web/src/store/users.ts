import { create } from 'zustand';
import { api } from '../lib/api';
import type { UserSummary } from '../lib/chatTypes';
import { reportError } from './failures';

export interface SearchState {
  query: string;
  results: UserSummary[];
  loading: boolean;
  error: string | null;
}

export const idleSearch: SearchState = { query: '', results: [], loading: false, error: null };
export const SEARCH_LIMIT = 20;

export interface UsersState {
  /** One search per place it is used (new chat, new group, add members). */
  searches: Record<string, SearchState>;
  search: (scope: string, query: string) => Promise<void>;
  clear: (scope: string) => void;
  reset: () => void;
}

const latest = new Map<string, number>();
let counter = 0;

export const useUsers = create<UsersState>()((set) => {
  const patch = (scope: string, change: Partial<SearchState>) =>
    set((s) => ({ searches: { ...s.searches, [scope]: { ...(s.searches[scope] ?? idleSearch), ...change } } }));

  return {
    searches: {},

    search: async (scope, raw) => {
      const query = raw.trim();
      const id = ++counter;
      latest.set(scope, id);
      if (!query) {
        patch(scope, { query, results: [], loading: false, error: null });
        return;
      }
      patch(scope, { query, loading: true, error: null });
      try {
        const res = await api.get<{ users: UserSummary[] }>(
          `/api/users?query=${encodeURIComponent(query)}&limit=${SEARCH_LIMIT}`,
        );
        if (latest.get(scope) !== id) return; // a newer search answered or will answer
        patch(scope, { results: res.users ?? [], loading: false });
      } catch (err) {
        if (latest.get(scope) !== id) return;
        patch(scope, { loading: false, error: reportError(err) });
      }
    },

    clear: (scope) => {
      latest.delete(scope);
      set((s) => {
        const searches = { ...s.searches };
        delete searches[scope];
        return { searches };
      });
    },

    reset: () => {
      latest.clear();
      set({ searches: {} });
    },
  };
});
