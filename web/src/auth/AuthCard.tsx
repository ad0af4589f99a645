import type { ReactNode } from 'react';
import { Logo } from '../components/Logo';

interface Props {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
}

/** Centered card with the Echos logo, used by every auth page. */
export function AuthCard({ title, subtitle, children, footer }: Props) {
  return (
    <main className="min-h-dvh bg-base-200 flex items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="flex flex-col items-center gap-3 mb-6 text-center">
          <Logo />
          <div>
            <p className="text-sm font-semibold tracking-wide text-primary">Echos</p>
            <h1 className="text-2xl font-bold">{title}</h1>
            {subtitle && <p className="text-base-content/60 mt-1">{subtitle}</p>}
          </div>
        </div>
        <div className="card bg-base-100 shadow-xl">
          <div className="card-body gap-4 p-6 sm:p-8">{children}</div>
        </div>
        {footer && <div className="text-center text-sm mt-6 text-base-content/70">{footer}</div>}
      </div>
    </main>
  );
}
