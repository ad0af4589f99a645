import { useEffect } from 'react';
import { idleSearch, useUsers, type SearchState } from '../store/users';

export const SEARCH_DEBOUNCE_MS = 250;

/** Debounced GET /api/users for one input; the search state is dropped when the input goes away. */
export function useUserSearch(scope: string, query: string): SearchState {
  const search = useUsers((s) => s.search);
  const clear = useUsers((s) => s.clear);
  const state = useUsers((s) => s.searches[scope]) ?? idleSearch;

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      void search(scope, '');
      return;
    }
    const t = setTimeout(() => void search(scope, q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [scope, query, search]);

  useEffect(() => () => clear(scope), [scope, clear]);

  // Between typing and the debounced request, show the spinner rather than stale results.
  const typing = query.trim() !== state.query;
  return typing && query.trim() ? { ...state, loading: true } : state;
}
