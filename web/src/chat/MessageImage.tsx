import { useCallback, useState } from 'react';
import { ImageIcon } from '../components/icons';
import { Lightbox } from '../components/Lightbox';
import { fitWithin, THUMB_MAX_PX } from '../lib/images';

export interface BubbleImage {
  /** Thumbnail (or the local preview while sending). */
  src: string;
  /** Full size, for the lightbox. */
  fullSrc: string;
  width: number | null;
  height: number | null;
  alt: string;
}

interface Props {
  image: BubbleImage;
  /** 0–100 while uploading, else null. */
  progress?: number | null;
}

/**
 * A message's image: sized from its width/height before it loads (no layout jump), at most
 * 320 px, shrinking with the bubble on narrow screens. A click opens the full image in a lightbox.
 */
export function MessageImage({ image, progress = null }: Props) {
  const [open, setOpen] = useState(false);
  const [broken, setBroken] = useState<string | null>(null);
  const close = useCallback(() => setOpen(false), []);
  const known = !!image.width && !!image.height;
  const box = known ? fitWithin(image.width!, image.height!) : null;

  if (broken === image.src) {
    return (
      <div
        className="grid place-items-center gap-1 rounded-lg bg-base-300 text-base-content/60 text-xs w-48 max-w-full aspect-[4/3]"
        role="img"
        aria-label={`${image.alt} (unavailable)`}
        data-testid="message-image-broken"
      >
        <ImageIcon className="size-6" />
        <span>Image unavailable</span>
      </div>
    );
  }

  return (
    <>
      <button
        type="button"
        className="relative block max-w-full rounded-lg overflow-hidden cursor-zoom-in focus-visible:outline-2 focus-visible:outline-offset-2"
        onClick={() => setOpen(true)}
        aria-label={`Open image: ${image.alt}`}
        aria-haspopup="dialog"
      >
        <img
          src={image.src}
          alt={image.alt}
          width={box?.width}
          height={box?.height}
          style={box ? { aspectRatio: `${box.width} / ${box.height}` } : { maxWidth: THUMB_MAX_PX, maxHeight: THUMB_MAX_PX }}
          className="block max-w-full h-auto bg-base-300 object-cover"
          loading="lazy"
          decoding="async"
          onError={() => setBroken(image.src)}
          data-testid="message-image"
        />
        {progress !== null && (
          <span className="absolute inset-x-2 bottom-2 rounded-full bg-base-100/85 p-1 shadow">
            <progress
              className="progress progress-primary w-full h-1.5 block"
              value={progress}
              max={100}
              aria-label="Uploading image"
              data-testid="upload-progress"
            />
          </span>
        )}
      </button>
      {open && <Lightbox src={image.fullSrc} alt={image.alt} onClose={close} />}
    </>
  );
}
