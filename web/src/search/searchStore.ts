import { create } from 'zustand';
import { asApiError, searchMessages } from '../lib/api';
import type { SearchHit } from '../lib/types';

export const SEARCH_PAGE_SIZE = 20;

export interface SearchState {
  /** Whether the search panel is shown. */
  open: boolean;
  /** The conversation searched in, or null for all of the user's conversations. */
  conversationId: string | null;
  query: string;
  /** The query the shown hits are for (null before the first search). */
  searched: string | null;
  hits: SearchHit[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  openSearch: (conversationId?: string | null) => void;
  close: () => void;
  setQuery: (query: string) => void;
  /** Searches everywhere instead of in one conversation (and runs the search again if there is one). */
  clearScope: () => void;
  search: () => Promise<void>;
  more: () => Promise<void>;
}

const empty = { query: '', searched: null, hits: [], nextCursor: null, loading: false, error: null };

/** A request token: an answer to a search that was replaced meanwhile is dropped. */
let current = 0;

export const useSearch = create<SearchState>()((set, get) => ({
  open: false,
  conversationId: null,
  ...empty,
  openSearch: (conversationId = null) => {
    current++;
    set({ open: true, conversationId, ...empty });
  },
  close: () => {
    current++;
    set({ open: false, loading: false });
  },
  setQuery: (query) => set({ query }),
  clearScope: () => {
    set({ conversationId: null });
    if (get().searched !== null) void get().search();
  },
  search: async () => {
    const q = get().query.trim();
    if (!q) return;
    const token = ++current;
    set({ loading: true, error: null, searched: q, hits: [], nextCursor: null });
    try {
      const page = await searchMessages(q, { conversationId: get().conversationId, limit: SEARCH_PAGE_SIZE });
      if (token !== current) return;
      set({ hits: page.hits, nextCursor: page.nextCursor, loading: false });
    } catch (err) {
      if (token !== current) return;
      set({ loading: false, error: asApiError(err).message });
    }
  },
  more: async () => {
    const { searched, nextCursor, loading, conversationId } = get();
    if (!searched || !nextCursor || loading) return;
    const token = ++current;
    set({ loading: true, error: null });
    try {
      const page = await searchMessages(searched, { conversationId, cursor: nextCursor, limit: SEARCH_PAGE_SIZE });
      if (token !== current) return;
      // a hit already shown is not shown twice, should the order have moved between pages
      const seen = new Set(get().hits.map((h) => h.messageId));
      set({ hits: [...get().hits, ...page.hits.filter((h) => !seen.has(h.messageId))], nextCursor: page.nextCursor, loading: false });
    } catch (err) {
      if (token !== current) return;
      set({ loading: false, error: asApiError(err).message });
    }
  },
}));

/** The address that opens a hit's conversation at the message. */
export function hitLink(hit: Pick<SearchHit, 'conversationId' | 'seq'>): string {
  return `/c/${encodeURIComponent(hit.conversationId)}?at=${hit.seq}`;
}
