import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { ChatRuntime } from '../chat/ChatRuntime';
import { ArrowLeftIcon } from './icons';
import { Logo } from './Logo';
import { UserMenu } from './UserMenu';

/** Navbar + page area for the logged-in part of the app. */
export function AppLayout() {
  return (
    <div className="h-dvh flex flex-col bg-base-200">
      <ChatRuntime />
      <header className="navbar bg-base-100 border-b border-base-300 px-3 sm:px-4 min-h-14 shrink-0">
        <div className="flex-1">
          <Link to="/" className="flex items-center gap-2 font-bold text-lg" aria-label="Echos home">
            <Logo size="sm" />
            <span>Echos</span>
          </Link>
        </div>
        <div className="flex-none">
          <UserMenu />
        </div>
      </header>
      <div className="flex-1 min-h-0 overflow-y-auto">
        <Outlet />
      </div>
    </div>
  );
}

/** Narrow centered column used by profile and settings. */
export function PageContainer({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-6 sm:py-10 flex flex-col gap-6">
      <div className="flex items-center gap-2">
        <Link to="/" className="btn btn-ghost btn-sm btn-circle" aria-label="Back to chats">
          <ArrowLeftIcon className="size-5" />
        </Link>
        <h1 className="text-2xl font-bold">{title}</h1>
      </div>
      {children}
    </main>
  );
}

