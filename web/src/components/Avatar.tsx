import { useState } from 'react';
import { initials } from '../lib/format';

interface Props {
  fullName: string | null | undefined;
  email?: string | null;
  avatarUrl?: string | null;
  size?: 'sm' | 'lg';
  /** data-testid of the <img> (when a photo is shown). */
  imgTestId?: string;
}

/** Photo if there is one (and it loads), otherwise initials. */
export function Avatar({ fullName, email, avatarUrl, size = 'sm', imgTestId }: Props) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const box = size === 'lg' ? 'w-24 text-3xl' : 'w-10 text-sm';
  const showImage = !!avatarUrl && failedUrl !== avatarUrl;

  if (showImage) {
    return (
      <div className="avatar">
        <div className={`${box} rounded-full`}>
          <img
            src={avatarUrl}
            alt=""
            className="object-cover"
            onError={() => setFailedUrl(avatarUrl)}
            data-testid={imgTestId}
          />
        </div>
      </div>
    );
  }
  return (
    <div className="avatar avatar-placeholder">
      <div className={`${box} rounded-full bg-primary text-primary-content`}>
        <span aria-hidden="true">{initials(fullName, email)}</span>
      </div>
    </div>
  );
}
