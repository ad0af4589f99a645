import { useEffect, useId, type ReactNode } from 'react';
import { CloseIcon } from './icons';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Extra classes for the box (e.g. a wider panel). */
  className?: string;
}

/** A DaisyUI modal, rendered while mounted: bottom sheet on phones, centered from `sm`. Esc closes. */
export function Modal({ title, onClose, children, testId, className = '' }: Props) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="modal modal-open modal-bottom sm:modal-middle" role="presentation">
      <div
        className={`modal-box flex flex-col gap-3 max-h-[90dvh] p-4 sm:p-6 ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <div className="flex items-center justify-between gap-2">
          <h2 id={titleId} className="text-lg font-semibold truncate">
            {title}
          </h2>
          <button type="button" className="btn btn-ghost btn-sm btn-circle" aria-label="Close" onClick={onClose}>
            <CloseIcon className="size-5" />
          </button>
        </div>
        {children}
      </div>
      <button type="button" className="modal-backdrop" aria-label="Close" tabIndex={-1} onClick={onClose} />
    </div>
  );
}
