import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../store/auth';
import { Avatar } from './Avatar';
import { LogoutIcon, SettingsIcon, UserIcon } from './icons';
import { Spinner } from './Spinner';

/** Avatar button in the navbar opening Profile / Settings / Log out. */
export function UserMenu() {
  const user = useAuth((s) => s.user);
  const logout = useAuth((s) => s.logout);
  const loggingOut = useAuth((s) => s.logoutState.loading);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) return null;
  const close = () => setOpen(false);

  return (
    <div ref={rootRef} className={`dropdown dropdown-end ${open ? 'dropdown-open' : ''}`}>
      <button
        type="button"
        className="btn btn-ghost btn-circle"
        aria-label="Open user menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="user-menu"
      >
        <Avatar fullName={user.fullName} email={user.email} avatarUrl={user.avatarUrl} imgTestId="user-menu-avatar" />
      </button>
      {open && (
        <ul role="menu" className="dropdown-content menu bg-base-100 rounded-box z-20 mt-3 w-60 p-2 shadow-lg">
          <li className="menu-title px-3 py-2 min-w-0" role="presentation">
            <span className="block truncate text-base-content font-semibold">{user.fullName}</span>
            <span className="block truncate font-normal">{user.email}</span>
          </li>
          <li role="none">
            <Link to="/profile" role="menuitem" onClick={close} data-testid="menu-profile">
              <UserIcon className="size-4" /> Profile
            </Link>
          </li>
          <li role="none">
            <Link to="/settings" role="menuitem" onClick={close} data-testid="menu-settings">
              <SettingsIcon className="size-4" /> Settings
            </Link>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => void logout()}
              disabled={loggingOut}
              aria-busy={loggingOut}
              data-testid="menu-logout"
            >
              {loggingOut ? <Spinner className="loading-xs" /> : <LogoutIcon className="size-4" />} Log out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
