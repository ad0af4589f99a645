import { ChatsIcon } from '../components/icons';

/** Conversation list + message panel. Empty until messaging lands. */
export function ChatShell() {
  return (
    <div className="h-full flex flex-col md:flex-row bg-base-100" data-testid="chat-shell">
      <aside
        className="md:w-80 shrink-0 border-b md:border-b-0 md:border-r border-base-300 flex flex-col"
        aria-label="Conversations"
      >
        <div className="px-4 py-3 border-b border-base-300">
          <h2 className="font-semibold">Conversations</h2>
        </div>
        <div className="flex-1 px-4 py-8 md:py-12 text-center text-base-content/60" data-testid="conversations-empty">
          <p className="font-medium text-base-content/80">No conversations yet</p>
          <p className="text-sm mt-1">When you start chatting, your conversations will show up here.</p>
        </div>
      </aside>
      <section className="flex-1 min-h-0 grid place-items-center p-6 bg-base-200/50" aria-label="Messages">
        <div className="flex flex-col items-center text-center gap-3 max-w-xs">
          <span className="size-16 rounded-2xl bg-primary/10 text-primary grid place-items-center">
            <ChatsIcon className="size-8" />
          </span>
          <h2 className="text-xl font-semibold">Select a conversation</h2>
          <p className="text-sm text-base-content/60">
            Pick a conversation from the list to start messaging. Say hi — someone is waiting to hear from you!
          </p>
        </div>
      </section>
    </div>
  );
}
