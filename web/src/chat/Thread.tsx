import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Avatar } from '../components/Avatar';
import { ArrowLeftIcon, ImageIcon, InfoIcon, SearchIcon } from '../components/icons';
import { useSearch } from '../search/searchStore';
import type { Conversation, Message } from '../lib/chatTypes';
import { formatLastSeen } from '../lib/format';
import { dragHasFiles, firstFile } from '../lib/images';
import { usePageActive } from '../lib/pageActive';
import { draftKey } from '../store/composerDrafts';
import { useConversations } from '../store/conversations';
import { emptyThread, lastEditable, useMessages, type Attachment } from '../store/messages';
import { presenceOf, usePresence } from '../store/presence';
import { toast } from '../store/toast';
import { useTyping } from '../store/typing';
import { Composer, type ComposerHandle } from './Composer';
import { DeleteMessageDialog } from './DeleteMessageDialog';
import { GroupInfo } from './GroupInfo';
import { MuteMenu } from './MuteMenu';
import { MessageList, quoteSenderName } from './MessageList';
import { quoteOf } from '../lib/chatTypes';
import { isAnyoneOnline, peer, typingText } from './people';

/** Re-renders every `ms` so relative times ("5 min ago") stay true. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

function ThreadHeader({ conversation: c, me, onInfo }: { conversation: Conversation; me: string | null; onInfo: () => void }) {
  const presence = usePresence((s) => s.byUser);
  const now = useNow(30_000);
  const other = peer(c, me);
  let status;
  if (c.type === 'direct') {
    const p = presenceOf(presence, other);
    status = (
      <span className={`text-xs ${p.online ? 'text-success' : 'text-base-content/60'}`} data-testid="presence-status">
        {p.online ? 'Online' : formatLastSeen(p.lastSeenAt, now)}
      </span>
    );
  } else {
    const online = c.members.filter((m) => m.id !== me && presenceOf(presence, m).online).length;
    status = (
      <span className="text-xs text-base-content/60" data-testid="member-count">
        {c.members.length} members{online > 0 ? `, ${online} online` : ''}
      </span>
    );
  }
  const online = c.type === 'direct' && isAnyoneOnline(c, me, presence);
  return (
    <header className="flex items-center gap-2 px-2 sm:px-4 py-2 border-b border-base-300 bg-base-100 shrink-0">
      <Link to="/" className="btn btn-ghost btn-sm btn-circle md:hidden" aria-label="Back to conversations" data-testid="thread-back">
        <ArrowLeftIcon className="size-5" />
      </Link>
      <span className="relative shrink-0">
        <Avatar fullName={c.name} avatarUrl={other?.avatarUrl ?? null} />
        {online && <span className="absolute bottom-0 right-0 size-3 rounded-full bg-success ring-2 ring-base-100" aria-hidden="true" />}
      </span>
      <div className="flex-1 min-w-0 flex flex-col">
        <h2 className="font-semibold truncate leading-tight" data-testid="thread-title">
          {c.name}
        </h2>
        {status}
      </div>
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-circle"
        aria-label="Search in this conversation"
        title="Search in this conversation"
        onClick={() => useSearch.getState().openSearch(c.id)}
        data-testid="search-in-conversation"
      >
        <SearchIcon className="size-5" />
      </button>
      <MuteMenu conversation={c} />
      {c.type === 'group' && (
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-circle"
          aria-label="Group info"
          title="Group info"
          onClick={onInfo}
          data-testid="group-info-button"
        >
          <InfoIcon className="size-5" />
        </button>
      )}
    </header>
  );
}

interface Props {
  conversation: Conversation;
  me: string | null;
}

/** Phones: no focus moves that would pop the on-screen keyboard up. */
function isWide(): boolean {
  return window.matchMedia?.('(min-width: 768px)').matches ?? false;
}

/** One open conversation: header, messages, typing indicator, composer. */
export function Thread({ conversation: c, me }: Props) {
  const id = c.id;
  const thread = useMessages((s) => s.threads[id]) ?? emptyThread;
  const typingIds = useTyping((s) => s.byConversation[id]);
  const active = usePageActive();
  const [infoOpen, setInfoOpen] = useState(false);

  useEffect(() => {
    void useMessages.getState().loadLatest(id);
  }, [id]);

  // On screen and looked at: everything here is read (also clears the badge in other tabs).
  const needsRead = c.lastSeq > c.lastReadSeq || c.unreadCount > 0;
  useEffect(() => {
    if (active && thread.loaded && needsRead) useConversations.getState().markRead(id);
  }, [active, thread.loaded, needsRead, id, c.lastSeq]);

  useEffect(() => setInfoOpen(false), [id]);

  const composer = useRef<ComposerHandle>(null);

  // Editing in place and the delete confirmation belong to this conversation.
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Message | null>(null);
  useEffect(() => {
    setEditingId(null);
    setDeleting(null);
  }, [id]);
  // The message being replied to, and the one a quote or `?at=<seq>` (a search hit) asks to show.
  const [replyingTo, setReplyingTo] = useState<Message | null>(null);
  const [target, setTarget] = useState<{ seq: number; n: number } | null>(null);
  useEffect(() => {
    setReplyingTo(null);
    setTarget(null);
  }, [id]);
  const jumpTo = useCallback(
    async (seq: number) => {
      if (await useMessages.getState().loadUntil(id, seq)) setTarget((t) => ({ seq, n: (t?.n ?? 0) + 1 }));
      else toast.error("That message isn't in the loaded history of this conversation.");
    },
    [id],
  );
  const [params, setParams] = useSearchParams();
  const at = params.get('at');
  useEffect(() => {
    if (at === null) return;
    setParams((p) => {
      p.delete('at');
      return p;
    }, { replace: true });
    const seq = Number(at);
    if (Number.isSafeInteger(seq) && seq > 0) void jumpTo(seq);
  }, [at, jumpTo, setParams]);
  const onReply = useCallback((m: Message) => {
    setReplyingTo(m);
    composer.current?.focus();
  }, []);

  const myRole = c.members.find((m) => m.id === me)?.role;
  const canDeleteOthers = c.type === 'group' && (myRole === 'owner' || myRole === 'admin');

  const onSend = useCallback(
    (text: string, attachment?: Attachment) => {
      const sent = useMessages.getState().send(id, text, attachment, replyingTo) !== null;
      if (sent) {
        useTyping.getState().messageSent(id);
        setReplyingTo(null);
      }
      return sent;
    },
    [id, replyingTo],
  );
  const onTyping = useCallback(() => useTyping.getState().notifyTyping(id), [id]);
  const onLoadOlder = useCallback(() => void useMessages.getState().loadOlder(id), [id]);
  const onRetry = useCallback((clientId: string) => useMessages.getState().retry(id, clientId), [id]);

  const endEdit = useCallback(() => {
    setEditingId(null);
    if (isWide()) composer.current?.focus();
  }, []);
  const onSaveEdit = useCallback(
    (messageId: string, text: string) => {
      if (useMessages.getState().edit(id, messageId, text)) endEdit();
    },
    [id, endEdit],
  );
  const onEditLast = useCallback(() => {
    const last = lastEditable(useMessages.getState().threads[id]?.messages ?? [], me);
    if (last) setEditingId(last.id);
    return last !== null;
  }, [id, me]);
  const onConfirmDelete = () => {
    if (deleting) useMessages.getState().deleteMessage(id, deleting.id);
    setDeleting(null);
  };

  const typing = typingText(c, typingIds);

  // An image dropped anywhere on the thread goes to the composer (which also takes drops itself).
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const endDrag = () => {
    dragDepth.current = 0;
    setDragging(false);
  };
  useEffect(() => {
    // A file dropped next to the thread would otherwise make the browser navigate to it.
    const guard = (e: globalThis.DragEvent) => {
      if (dragHasFiles(e.dataTransfer)) e.preventDefault();
      if (e.type === 'drop') endDrag();
    };
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);
  const replyQuote = useMemo(() => {
    if (!replyingTo) return null;
    const quote = quoteOf(replyingTo);
    return { quote, senderName: quoteSenderName(quote, c, me) };
  }, [replyingTo, c, me]);
  const dropHandlers = {
    onDragEnter: (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      dragDepth.current += 1;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      endDrag();
      if (e.nativeEvent.defaultPrevented) return; // the composer took it
      const file = firstFile(e.dataTransfer);
      if (!file) return;
      e.preventDefault();
      composer.current?.attach(file);
    },
  };

  return (
    <div className="relative flex flex-col h-full min-h-0 w-full" data-testid="thread" data-conversation-id={id} {...dropHandlers}>
      {dragging && (
        <div
          className="absolute inset-2 z-10 pointer-events-none rounded-box border-2 border-dashed border-primary bg-base-100/85 grid place-items-center"
          data-testid="drop-overlay"
        >
          <span className="flex flex-col items-center gap-2 text-primary font-medium">
            <ImageIcon className="size-8" />
            Drop an image to attach it
          </span>
        </div>
      )}
      <ThreadHeader conversation={c} me={me} onInfo={() => setInfoOpen(true)} />
      <MessageList
        conversation={c}
        thread={thread}
        me={me}
        onLoadOlder={onLoadOlder}
        onRetry={onRetry}
        editingId={editingId}
        canDeleteOthers={canDeleteOthers}
        onStartEdit={setEditingId}
        onSaveEdit={onSaveEdit}
        onCancelEdit={endEdit}
        onDelete={setDeleting}
        onReply={onReply}
        onOpenQuote={(seq) => void jumpTo(seq)}
        target={target}
      />
      <div className="h-5 px-4 text-xs text-base-content/60 italic shrink-0" aria-live="polite">
        {typing && <span data-testid="typing-indicator">{typing}</span>}
      </div>
      <Composer key={id} ref={composer} draftKey={me ? draftKey(me, id) : undefined} onSend={onSend} onTyping={onTyping} onEditLast={onEditLast} autoFocus={isWide()}
        replyingTo={replyQuote}
        onCancelReply={() => setReplyingTo(null)} />
      {infoOpen && c.type === 'group' && <GroupInfo conversation={c} me={me} onClose={() => setInfoOpen(false)} />}
      {deleting && (
        <DeleteMessageDialog othersMessage={deleting.senderId !== me} onConfirm={onConfirmDelete} onCancel={() => setDeleting(null)} />
      )}
    </div>
  );
}
