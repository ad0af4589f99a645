import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { EditIcon, MoreIcon, ReplyIcon, TrashIcon } from '../components/icons';

interface Props {
  /** Which side of the bubble the button sits on (my messages: left, others': right). */
  side: 'left' | 'right';
  open: boolean;
  onToggle: () => void;
  onClose: () => void;
  canEdit: boolean;
  canDelete: boolean;
  onEdit: () => void;
  onDelete: () => void;
  canReply?: boolean;
  onReply?: () => void;
}

/** Room the menu needs below its button; with less, it opens upwards. */
const MENU_HEIGHT_PX = 132;

/**
 * A message's actions: a button beside the bubble, shown on hover (and while open; the bubble opens
 * it on a long press), with Reply, Edit and Delete. An outside click or Esc closes it.
 */
export function MessageMenu({ side, open, onToggle, onClose, canEdit, canDelete, onEdit, onDelete, canReply = false, onReply }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [up, setUp] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, onClose]);

  // Near the bottom of the scrolling list the menu would be cut off: open it upwards there.
  useLayoutEffect(() => {
    if (!open) return;
    const el = ref.current;
    const list = el?.closest('[data-testid="message-list"]');
    if (!el || !list) return;
    const box = el.getBoundingClientRect();
    const area = list.getBoundingClientRect();
    const below = area.bottom - box.bottom;
    setUp(below < MENU_HEIGHT_PX && box.top - area.top > below);
  }, [open]);

  return (
    <div ref={ref} className={`absolute top-1/2 -translate-y-1/2 ${open ? 'z-30' : 'z-10'} ${side === 'left' ? 'right-full mr-1' : 'left-full ml-1'}`}>
      <button
        type="button"
        className={`btn btn-ghost btn-xs btn-circle text-base-content/70 transition-opacity ${
          open ? 'opacity-100' : 'opacity-0 group-hover:opacity-100 focus-visible:opacity-100'
        }`}
        aria-label="Message actions"
        title="Message actions"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={onToggle}
        data-testid="message-menu"
      >
        <MoreIcon className="size-4" />
      </button>
      {open && (
        <ul
          role="menu"
          aria-label="Message actions"
          className={`menu menu-sm absolute z-20 w-36 rounded-box border border-base-300 bg-base-100 text-base-content shadow-lg ${
            up ? 'bottom-full mb-1' : 'top-full mt-1'
          } ${side === 'left' ? 'left-0' : 'right-0'}`}
          data-testid="message-menu-items"
        >
          {canReply && (
            <li>
              <button type="button" role="menuitem" onClick={onReply} data-testid="message-reply">
                <ReplyIcon className="size-4" /> Reply
              </button>
            </li>
          )}
          {canEdit && (
            <li>
              <button type="button" role="menuitem" onClick={onEdit} data-testid="message-edit">
                <EditIcon className="size-4" /> Edit
              </button>
            </li>
          )}
          {canDelete && (
            <li>
              <button type="button" role="menuitem" className="text-error" onClick={onDelete} data-testid="message-delete">
                <TrashIcon className="size-4" /> Delete
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
