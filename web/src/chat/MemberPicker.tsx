import { useState } from 'react';
import { CloseIcon, SearchIcon } from '../components/icons';
import type { UserSummary } from '../lib/chatTypes';
import { UserResults } from './UserResults';
import { useUserSearch } from './useUserSearch';

interface Props {
  scope: string;
  selected: UserSummary[];
  onChange: (selected: UserSummary[]) => void;
  /** Already members: shown, but not selectable. */
  excludeIds?: ReadonlySet<string>;
  disabled?: boolean;
  autoFocus?: boolean;
}

/** Search + toggle people; the picked ones stay visible as removable chips. */
export function MemberPicker({ scope, selected, onChange, excludeIds, disabled, autoFocus }: Props) {
  const [query, setQuery] = useState('');
  const search = useUserSearch(scope, query);
  const selectedIds = new Set(selected.map((u) => u.id));

  const toggle = (user: UserSummary) =>
    onChange(selectedIds.has(user.id) ? selected.filter((u) => u.id !== user.id) : [...selected, user]);

  return (
    <div className="flex flex-col gap-2 min-h-0">
      {selected.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Selected people">
          {selected.map((u) => (
            <li key={u.id} className="badge badge-primary badge-soft gap-1 pr-1" data-testid="group-member-selected">
              <span className="max-w-40 truncate">{u.fullName}</span>
              <button
                type="button"
                className="btn btn-ghost btn-xs btn-circle size-4 min-h-0"
                aria-label={`Remove ${u.fullName}`}
                onClick={() => toggle(u)}
                disabled={disabled}
              >
                <CloseIcon className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="input w-full">
        <SearchIcon className="size-4 opacity-60" />
        <input
          type="search"
          placeholder="Search people to add"
          aria-label="Search people to add"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault(); // searching, not submitting the form
          }}
          autoFocus={autoFocus}
          data-testid="group-member-search"
        />
      </label>
      <div className="overflow-y-auto max-h-64 -mx-1 px-1">
        <UserResults
          search={search}
          query={query}
          onPick={toggle}
          testId="group-member-option"
          selectedIds={selectedIds}
          disabledIds={excludeIds}
          disabled={disabled}
        />
      </div>
    </div>
  );
}
