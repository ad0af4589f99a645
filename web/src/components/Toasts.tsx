import { useToasts, type ToastKind } from '../store/toast';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './icons';

const STYLE: Record<ToastKind, string> = {
  success: 'alert-success',
  error: 'alert-error',
  info: 'alert-info',
};

const ICON = { success: CheckIcon, error: AlertIcon, info: InfoIcon };

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  // pointer-events-none: a toast never blocks what is under it; only its close button is clickable.
  return (
    <div
      className="toast toast-bottom toast-end z-50 pointer-events-none"
      aria-live="polite"
      data-testid="toasts"
    >
      {toasts.map((t) => {
        const Icon = ICON[t.kind];
        return (
          <div
            key={t.id}
            role={t.kind === 'error' ? 'alert' : 'status'}
            className={`alert ${STYLE[t.kind]} shadow-lg flex max-w-sm whitespace-normal`}
            data-testid="toast"
          >
            <Icon className="size-5 shrink-0" />
            <span className="flex-1">{t.message}</span>
            <button
              type="button"
              className="btn btn-ghost btn-xs btn-circle pointer-events-auto"
              aria-label="Dismiss"
              onClick={() => dismiss(t.id)}
            >
              <CloseIcon className="size-4" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
