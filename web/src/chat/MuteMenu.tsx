import { useEffect, useRef, useState } from 'react';
import { BellIcon, BellOffIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import type { Conversation, MuteDuration } from '../lib/chatTypes';
import { isMuted, useConversations } from '../store/conversations';

const CHOICES: { duration: MuteDuration; label: string }[] = [
  { duration: '1h', label: 'Mute for 1 hour' },
  { duration: '8h', label: 'Mute for 8 hours' },
  { duration: 'always', label: 'Mute always' },
];

function mutedText(c: Conversation): string {
  if (c.mutedForever || !c.mutedUntil) return 'Muted until you unmute it';
  const until = new Date(c.mutedUntil);
  const sameDay = until.toDateString() === new Date().toDateString();
  const at = until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return sameDay ? `Muted until ${at}` : `Muted until ${until.toLocaleDateString([], { weekday: 'short' })} ${at}`;
}

/** The thread header's bell: mute this conversation for 1 h, 8 h or for good, or unmute it. */
export function MuteMenu({ conversation: c }: { conversation: Conversation }) {
  // Re-read when a timed mute runs out (the store's timer moves muteClock).
  useConversations((s) => s.muteClock);
  const busy = useConversations((s) => s.muteForm.loading);
  const muted = isMuted(c);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: Event) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = (action: Promise<boolean>) => {
    setOpen(false);
    void action;
  };
  const { mute, unmute } = useConversations.getState();

  return (
    <div ref={rootRef} className={`dropdown dropdown-end ${open ? 'dropdown-open' : ''}`}>
      <button
        type="button"
        className={`btn btn-ghost btn-sm btn-circle ${muted ? 'text-base-content/60' : ''}`}
        aria-label={muted ? 'Muted: notification settings' : 'Mute notifications'}
        title={muted ? mutedText(c) : 'Mute notifications'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
        data-testid="mute-button"
        data-muted={muted ? 'true' : 'false'}
      >
        {busy ? <Spinner className="loading-xs" /> : muted ? <BellOffIcon className="size-5" /> : <BellIcon className="size-5" />}
      </button>
      {open && (
        <ul role="menu" className="dropdown-content menu bg-base-100 rounded-box z-20 mt-2 w-56 p-2 shadow-lg" data-testid="mute-menu">
          {muted && (
            <li className="menu-title px-3 py-2" role="presentation" data-testid="muted-until">
              {mutedText(c)}
            </li>
          )}
          {CHOICES.map(({ duration, label }) => (
            <li role="none" key={duration}>
              <button type="button" role="menuitem" onClick={() => run(mute(c.id, duration))} data-testid={`mute-${duration}`}>
                {label}
              </button>
            </li>
          ))}
          {muted && (
            <li role="none">
              <button type="button" role="menuitem" onClick={() => run(unmute(c.id))} data-testid="unmute">
                <BellIcon className="size-4" /> Unmute
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
