import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Modal } from '../components/Modal';
import { SearchIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import type { UserSummary } from '../lib/chatTypes';
import { useConversations } from '../store/conversations';
import { UserResults } from './UserResults';
import { useUserSearch } from './useUserSearch';

/** "New chat": find a person, open (or create) the direct conversation with them. */
export function NewChatDialog({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const search = useUserSearch('new-chat', query);
  const createDirect = useConversations((s) => s.createDirect);
  const creating = useConversations((s) => s.createForm.loading);
  const navigate = useNavigate();

  const pick = async (user: UserSummary) => {
    const conversation = await createDirect(user.id);
    if (conversation) {
      onClose();
      navigate(`/c/${encodeURIComponent(conversation.id)}`);
    }
  };

  return (
    <Modal title="New chat" onClose={onClose} testId="new-chat-dialog">
      <label className="input w-full">
        <SearchIcon className="size-4 opacity-60" />
        <input
          type="search"
          placeholder="Search people"
          aria-label="Search people"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
          data-testid="user-search-input"
        />
        {creating && <Spinner className="loading-xs" />}
      </label>
      <div className="overflow-y-auto min-h-24 -mx-1 px-1">
        <UserResults search={search} query={query} onPick={(u) => void pick(u)} testId="user-search-result" disabled={creating} />
      </div>
    </Modal>
  );
}
