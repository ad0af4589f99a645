import { useMemo, useState } from 'react';
import { EditIcon, SearchIcon, UsersIcon } from '../components/icons';
import { SearchPanel } from '../search/SearchPanel';
import { useSearch } from '../search/searchStore';
import { useAuth } from '../store/auth';
import { useConversations } from '../store/conversations';
import { presenceOf, usePresence } from '../store/presence';
import { useTyping } from '../store/typing';
import { useUi } from '../store/ui';
import { ConversationItem } from './ConversationItem';
import { NewChatDialog } from './NewChatDialog';
import { NewGroupDialog } from './NewGroupDialog';
import { isAnyoneOnline, peer, typingText } from './people';

function ListSkeleton() {
  return (
    <ul className="flex flex-col gap-1 px-2 py-2" aria-label="Loading conversations" data-testid="conversations-loading">
      {[0, 1, 2, 3, 4].map((i) => (
        <li key={i} className="flex items-center gap-3 px-3 py-2.5">
          <div className="skeleton size-10 rounded-full shrink-0" />
          <div className="flex-1 flex flex-col gap-2">
            <div className="skeleton h-3.5 w-2/3" />
            <div className="skeleton h-3 w-full" />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Conversation list with its header: new chat, new group, online-only filter. */
export function Sidebar() {
  const meRaw = useAuth((s) => s.user?.id);
  const me = meRaw === undefined ? null : String(meRaw);
  const ids = useConversations((s) => s.ids);
  const byId = useConversations((s) => s.byId);
  const list = useConversations((s) => s.list);
  const load = useConversations((s) => s.load);
  const presence = usePresence((s) => s.byUser);
  const typing = useTyping((s) => s.byConversation);
  const selectedId = useUi((s) => s.selectedId);
  const onlineOnly = useUi((s) => s.onlineOnly);
  const setOnlineOnly = useUi((s) => s.setOnlineOnly);
  const [dialog, setDialog] = useState<'chat' | 'group' | null>(null);

  const visible = useMemo(
    () => (onlineOnly ? ids.filter((id) => isAnyoneOnline(byId[id], me, presence)) : ids),
    [ids, byId, me, presence, onlineOnly],
  );

  let body;
  if (!list.loaded && (list.loading || !list.error)) {
    body = <ListSkeleton />;
  } else if (!list.loaded && list.error) {
    body = (
      <div className="px-4 py-8 text-center text-sm text-base-content/70 flex flex-col items-center gap-3">
        <p>Couldn’t load your conversations.</p>
        <button type="button" className="btn btn-sm" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  } else if (ids.length === 0) {
    body = (
      <div className="flex-1 px-4 py-8 md:py-12 text-center text-base-content/60" data-testid="conversations-empty">
        <p className="font-medium text-base-content/80">No conversations yet</p>
        <p className="text-sm mt-1">Start a chat with the pencil button, or create a group.</p>
      </div>
    );
  } else if (visible.length === 0) {
    body = (
      <div className="px-4 py-8 text-center text-sm text-base-content/60" data-testid="conversations-none-online">
        Nobody is online right now.
      </div>
    );
  } else {
    body = (
      <ul className="flex flex-col gap-0.5 px-2 py-2" aria-label="Conversations">
        {visible.map((id) => {
          const c = byId[id];
          const other = peer(c, me);
          return (
            <ConversationItem
              key={id}
              conversation={c}
              me={me}
              selected={id === selectedId}
              online={!!other && presenceOf(presence, other).online}
              typing={typingText(c, typing[id])}
            />
          );
        })}
      </ul>
    );
  }

  return (
    <>
      <div className="px-4 py-3 border-b border-base-300 flex flex-col gap-2 shrink-0">
        <div className="flex items-center gap-1">
          <h2 className="font-semibold flex-1">Conversations</h2>
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-circle"
            aria-label="Search messages"
            title="Search messages"
            onClick={() => useSearch.getState().openSearch()}
            data-testid="search-open"
          >
            <SearchIcon className="size-5" />
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-circle"
            aria-label="New chat"
            title="New chat"
            onClick={() => setDialog('chat')}
            data-testid="new-chat"
          >
            <EditIcon className="size-5" />
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-circle"
            aria-label="New group"
            title="New group"
            onClick={() => setDialog('group')}
            data-testid="new-group"
          >
            <UsersIcon className="size-5" />
          </button>
        </div>
        <label className="flex items-center gap-2 text-sm cursor-pointer w-fit">
          <input
            type="checkbox"
            className="toggle toggle-sm toggle-success"
            checked={onlineOnly}
            onChange={(e) => setOnlineOnly(e.target.checked)}
            data-testid="online-only-toggle"
          />
          Show online only
        </label>
      </div>
      <div className="flex-1 min-h-0 overflow-y-auto">{body}</div>
      {dialog === 'chat' && <NewChatDialog onClose={() => setDialog(null)} />}
      {dialog === 'group' && <NewGroupDialog onClose={() => setDialog(null)} />}
      <SearchPanel />
    </>
  );
}
