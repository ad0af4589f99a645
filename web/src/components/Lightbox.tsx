import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons';

interface Props {
  src: string;
  alt: string;
  onClose: () => void;
}

/**
 * Full-size image in a DaisyUI modal, portalled to <body> (so no bubble's stacking context clips it).
 * Esc, a click outside the image or the close button closes it.
 */
export function Lightbox({ src, alt, onClose }: Props) {
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus(); // back to the thumbnail that opened it
    };
  }, [onClose]);

  return createPortal(
    <div className="modal modal-open" role="presentation">
      <div
        className="modal-box relative w-auto max-w-[95vw] sm:max-w-[90vw] max-h-[90dvh] p-0 overflow-hidden bg-base-300 grid place-items-center"
        role="dialog"
        aria-modal="true"
        aria-label={alt}
        data-testid="lightbox"
      >
        <img src={src} alt={alt} className="block max-w-full max-h-[90dvh] object-contain" data-testid="lightbox-image" />
        <button
          ref={closeRef}
          type="button"
          className="btn btn-circle btn-sm absolute top-2 right-2 bg-base-100/80 border-0"
          aria-label="Close image"
          onClick={onClose}
          data-testid="lightbox-close"
        >
          <CloseIcon className="size-5" />
        </button>
      </div>
      <button type="button" className="modal-backdrop bg-black/70" aria-label="Close image" tabIndex={-1} onClick={onClose} data-testid="lightbox-backdrop" />
    </div>,
    document.body,
  );
}
