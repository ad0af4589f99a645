import { useCallback, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import { Modal } from '../components/Modal';
import { SearchIcon } from '../components/icons';
import { formatListTime } from '../lib/format';
import type { SearchHit } from '../lib/types';
import { useAuth } from '../store/auth';
import { useConversations } from '../store/conversations';
import { HighlightedSnippet } from './HighlightedSnippet';
import { hitLink, useSearch } from './searchStore';

function HitRow({ hit, onOpen }: { hit: SearchHit; onOpen: () => void }) {
  const conversation = useConversations((s) => s.byId[hit.conversationId]);
  const meRaw = useAuth((s) => s.user?.id);
  const me = meRaw === undefined ? null : String(meRaw);
  const sender =
    hit.senderId === me ? 'You' : (conversation?.members.find((m) => m.id === hit.senderId)?.fullName ?? 'Someone');
  return (
    <li>
      <Link
        to={hitLink(hit)}
        onClick={onOpen}
        className="block rounded-lg px-3 py-2 hover:bg-base-200 focus-visible:bg-base-200"
        data-testid="search-hit"
      >
        <div className="flex items-baseline gap-2 text-sm">
          <span className="font-medium truncate flex-1" data-testid="search-hit-conversation">
            {conversation?.name ?? 'Conversation'}
          </span>
          <time className="text-xs text-base-content/60 shrink-0" dateTime={hit.createdAt}>
            {formatListTime(hit.createdAt)}
          </time>
        </div>
        <p className="text-sm text-base-content/80 break-words">
          <span className="font-medium">{sender}: </span>
          <span data-testid="search-hit-snippet">
            <HighlightedSnippet text={hit.snippet} highlights={hit.highlights} />
          </span>
        </p>
      </Link>
    </li>
  );
}

/** The search panel: a query box, the hits with their highlighted snippets, and "More results". */
export function SearchPanel() {
  const s = useSearch();
  const scopeName = useConversations((st) => (s.conversationId ? st.byId[s.conversationId]?.name : undefined));
  const close = useCallback(() => useSearch.getState().close(), []);
  if (!s.open) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.search();
  };

  let results;
  if (s.error) {
    results = (
      <div role="alert" className="alert alert-error text-sm" data-testid="search-error">
        <span className="flex-1">{s.error}</span>
        <button type="button" className="btn btn-sm" onClick={() => void (s.hits.length ? s.more() : s.search())}>
          Try again
        </button>
      </div>
    );
  }
  const list =
    s.hits.length > 0 ? (
      <ul className="flex flex-col gap-0.5" aria-label="Search results" data-testid="search-results">
        {s.hits.map((h) => (
          <HitRow key={h.messageId} hit={h} onOpen={close} />
        ))}
      </ul>
    ) : s.searched !== null && !s.loading && !s.error ? (
      <p className="text-sm text-base-content/60 text-center py-6" data-testid="search-empty">
        No messages match “{s.searched}”.
      </p>
    ) : null;

  return createPortal(
    <Modal title={s.conversationId ? 'Search in this conversation' : 'Search messages'} onClose={close} testId="search-panel" className="sm:max-w-xl">
      <form onSubmit={submit} className="flex gap-2" role="search">
        <label className="input input-bordered flex items-center gap-2 flex-1">
          <SearchIcon className="size-4 opacity-60" />
          <input
            type="search"
            className="grow"
            placeholder="Search messages"
            aria-label="Search messages"
            value={s.query}
            maxLength={200}
            autoFocus
            onChange={(e) => s.setQuery(e.target.value)}
            data-testid="search-input"
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!s.query.trim() || s.loading} data-testid="search-submit">
          Search
        </button>
      </form>
      {s.conversationId && (
        <div className="flex items-center gap-2 text-sm">
          <span className="badge badge-outline truncate max-w-[70%]" data-testid="search-scope">
            In: {scopeName ?? 'this conversation'}
          </span>
          <button type="button" className="btn btn-ghost btn-xs" onClick={() => s.clearScope()} data-testid="search-everywhere">
            Search everywhere
          </button>
        </div>
      )}
      <div className="flex-1 min-h-0 overflow-y-auto -mx-2" aria-busy={s.loading}>
        {list}
        {s.loading && (
          <div className="flex justify-center py-4" data-testid="search-loading">
            <span className="loading loading-spinner loading-md" aria-label="Searching" />
          </div>
        )}
        {results}
        {s.nextCursor && !s.loading && !s.error && (
          <div className="flex justify-center py-2">
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => void s.more()} data-testid="search-more">
              More results
            </button>
          </div>
        )}
      </div>
    </Modal>,
    document.body,
  );
}
