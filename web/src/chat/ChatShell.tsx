import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ChatsIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import { useAuth } from '../store/auth';
import { badgeTotal, useConversations } from '../store/conversations';
import { setConversationOpener } from '../store/notifications';
import { showUnread } from '../lib/unreadBadge';
import { ensureChatStarted } from '../store/realtime';
import { toast } from '../store/toast';
import { useUi } from '../store/ui';
import { ConnectionBanner } from './ConnectionBanner';
import { Sidebar } from './Sidebar';
import { Thread } from './Thread';

function NoThread() {
  return (
    <div className="flex-1 grid place-items-center p-6 bg-base-200/50">
      <div className="flex flex-col items-center text-center gap-3 max-w-xs">
        <span className="size-16 rounded-2xl bg-primary/10 text-primary grid place-items-center">
          <ChatsIcon className="size-8" />
        </span>
        <h2 className="text-xl font-semibold">Select a conversation</h2>
        <p className="text-sm text-base-content/60">
          Pick a conversation from the list to start messaging. Say hi — someone is waiting to hear from you!
        </p>
      </div>
    </div>
  );
}

/** Opens /c/:id: from the list, else fetched once (deep link); gone or unknown → back to /. */
function OpenConversation({ id, me }: { id: string; me: string | null }) {
  const conversation = useConversations((s) => s.byId[id]);
  const listLoaded = useConversations((s) => s.list.loaded);
  const navigate = useNavigate();
  const [lookedUp, setLookedUp] = useState(false);
  const wasHere = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    setLookedUp(false);
    wasHere.current = false;
  }, [id]);

  useEffect(() => {
    if (conversation) {
      wasHere.current = true;
      return;
    }
    if (wasHere.current) {
      // Left or removed while open (the removal already told the user).
      navigate('/', { replace: true });
      return;
    }
    if (!listLoaded || lookedUp) return;
    setLookedUp(true);
    void useConversations
      .getState()
      .fetchOne(id)
      .then((c) => {
        if (!mounted.current || c) return;
        toast.error('That conversation does not exist, or you are not a member.');
        navigate('/', { replace: true });
      });
  }, [conversation, listLoaded, lookedUp, id, navigate]);

  if (!conversation) {
    return (
      <div className="flex-1 grid place-items-center" role="status" aria-label="Loading conversation" data-testid="thread-loading">
        <Spinner className="loading-md text-base-content/50" />
      </div>
    );
  }
  return <Thread conversation={conversation} me={me} />;
}

/** Conversation list + message panel. Below md one of them fills the screen. */
export function ChatShell() {
  const { conversationId } = useParams();
  const selectedId = conversationId ?? null;
  const meRaw = useAuth((s) => s.user?.id);
  const me = meRaw === undefined ? null : String(meRaw);
  const select = useUi((s) => s.select);

  useEffect(() => {
    ensureChatStarted();
  }, []);

  // Counted at each store change, so also when a timed mute runs out (the store's timer moves muteClock).
  const unreadTotal = useConversations((s) => badgeTotal(s.byId));
  useEffect(() => {
    showUnread(unreadTotal);
  }, [unreadTotal]);
  useEffect(() => () => showUnread(0), []);

  const navigate = useNavigate();
  useEffect(() => {
    setConversationOpener((id) => navigate(`/c/${encodeURIComponent(id)}`));
    return () => setConversationOpener(null);
  }, [navigate]);

  useEffect(() => {
    select(selectedId);
    return () => select(null);
  }, [selectedId, select]);

  return (
    <div className="h-full flex flex-col bg-base-100" data-testid="chat-shell">
      <ConnectionBanner />
      <div className="flex-1 min-h-0 flex flex-row">
        <aside
          className={`${selectedId ? 'hidden md:flex' : 'flex'} w-full md:w-80 shrink-0 md:border-r border-base-300 flex-col min-h-0`}
          aria-label="Conversations"
        >
          <Sidebar />
        </aside>
        <section
          className={`${selectedId ? 'flex' : 'hidden md:flex'} flex-1 min-w-0 min-h-0 flex-col bg-base-100`}
          aria-label="Messages"
        >
          {selectedId ? <OpenConversation key={selectedId} id={selectedId} me={me} /> : <NoThread />}
        </section>
      </div>
    </div>
  );
}
