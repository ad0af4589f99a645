import { Avatar } from '../components/Avatar';
import { CheckIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import type { UserSummary } from '../lib/chatTypes';
import type { SearchState } from '../store/users';

interface Props {
  search: SearchState;
  query: string;
  onPick: (user: UserSummary) => void;
  testId: string;
  /** When given, results are toggles (checkbox look). */
  selectedIds?: ReadonlySet<string>;
  /** Users that cannot be picked (e.g. already members). */
  disabledIds?: ReadonlySet<string>;
  disabled?: boolean;
}

/** Search results list: loading, empty and hint states, one button per user. */
export function UserResults({ search, query, onPick, testId, selectedIds, disabledIds, disabled }: Props) {
  if (!query.trim()) {
    return <p className="text-sm text-base-content/60 px-1 py-2">Search by name or email.</p>;
  }
  if (search.loading) {
    return (
      <div className="flex items-center gap-2 text-sm text-base-content/60 px-1 py-2" role="status" data-testid="user-search-loading">
        <Spinner className="loading-xs" /> Searching…
      </div>
    );
  }
  if (search.error) {
    return <p className="text-sm text-error px-1 py-2">{search.error}</p>;
  }
  if (search.results.length === 0) {
    return (
      <p className="text-sm text-base-content/60 px-1 py-2" data-testid="user-search-empty">
        No one found for “{query.trim()}”.
      </p>
    );
  }
  return (
    <ul className="menu w-full p-0 gap-0.5">
      {search.results.map((u) => {
        const selected = selectedIds?.has(u.id) ?? false;
        const unavailable = disabledIds?.has(u.id) ?? false;
        return (
          <li key={u.id}>
            <button
              type="button"
              className={`flex items-center gap-3 ${selected ? 'bg-primary/10' : ''}`}
              onClick={() => onPick(u)}
              disabled={disabled || unavailable}
              aria-pressed={selectedIds ? selected : undefined}
              data-testid={testId}
            >
              <Avatar fullName={u.fullName} avatarUrl={u.avatarUrl} />
              <span className="flex-1 min-w-0 truncate text-left">{u.fullName}</span>
              {unavailable && <span className="text-xs text-base-content/60">Member</span>}
              {selectedIds && !unavailable && (
                <span
                  className={`size-5 rounded border grid place-items-center ${selected ? 'bg-primary border-primary text-primary-content' : 'border-base-content/30'}`}
                  aria-hidden="true"
                >
                  {selected && <CheckIcon className="size-3.5" />}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
