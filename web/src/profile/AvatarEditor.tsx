import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Avatar } from '../components/Avatar';
import { ImageIcon, TrashIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import { checkImage, createPreviewUrl, IMAGE_ACCEPT, IMAGE_MAX_MB, revokePreviewUrl } from '../lib/images';
import type { User } from '../lib/types';
import { useProfile } from '../store/profile';
import { toast } from '../store/toast';

interface Props {
  user: User;
  /** Shown next to the picture (name, member since). */
  children?: ReactNode;
}

/**
 * Profile photo: pick a file, see it square and center-cropped (what the server keeps), then
 * Save (upload with progress) or Cancel; Remove photo when one is set.
 */
export function AvatarEditor({ user, children }: Props) {
  const form = useProfile((s) => s.avatarForm);
  const progress = useProfile((s) => s.avatarProgress);
  const uploadAvatar = useProfile((s) => s.uploadAvatar);
  const removeAvatar = useProfile((s) => s.removeAvatar);
  const resetForm = useProfile((s) => s.resetForm);
  const fileRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: File; url: string } | null>(null);
  const busy = form.loading;

  const chosenUrl = chosen?.url;
  useEffect(() => () => revokePreviewUrl(chosenUrl), [chosenUrl]);
  useEffect(() => () => resetForm('avatarForm'), [resetForm]);

  const pick = (file: File) => {
    const problem = checkImage(file);
    if (problem) {
      toast.error(problem);
      return;
    }
    setChosen({ file, url: createPreviewUrl(file) });
  };

  const save = async () => {
    if (!chosen) return;
    if (await uploadAvatar(chosen.file)) setChosen(null);
  };

  return (
    <div className="flex flex-col sm:flex-row items-center gap-4 text-center sm:text-left">
      <div className="shrink-0">
        {chosen ? (
          <img
            src={chosen.url}
            alt="Preview of your new profile photo"
            className="size-24 rounded-box object-cover object-center bg-base-300 ring-2 ring-primary ring-offset-2 ring-offset-base-100"
            data-testid="avatar-preview"
          />
        ) : (
          <Avatar fullName={user.fullName} email={user.email} avatarUrl={user.avatarUrl} size="lg" />
        )}
      </div>
      <div className="min-w-0 flex flex-col items-center sm:items-start gap-2">
        {children}
        <input
          ref={fileRef}
          type="file"
          accept={IMAGE_ACCEPT}
          className="hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) pick(file);
          }}
          data-testid="avatar-file-input"
        />
        {chosen ? (
          <div className="flex flex-wrap justify-center sm:justify-start gap-2">
            <button type="button" className="btn btn-primary btn-sm" onClick={() => void save()} disabled={busy} aria-busy={busy} data-testid="avatar-save">
              {busy && <Spinner className="loading-xs" />} Save
            </button>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setChosen(null)} disabled={busy} data-testid="avatar-cancel">
              Cancel
            </button>
          </div>
        ) : (
          <div className="flex flex-wrap justify-center sm:justify-start gap-2">
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => fileRef.current?.click()}
              disabled={busy}
              data-testid="avatar-upload"
            >
              <ImageIcon className="size-4" /> Upload photo
            </button>
            {user.avatarUrl && (
              <button
                type="button"
                className="btn btn-ghost btn-sm text-error"
                onClick={() => void removeAvatar()}
                disabled={busy}
                aria-busy={busy}
                data-testid="avatar-remove"
              >
                {busy ? <Spinner className="loading-xs" /> : <TrashIcon className="size-4" />} Remove photo
              </button>
            )}
          </div>
        )}
        {busy && progress !== null && (
          <progress
            className="progress progress-primary w-48"
            value={progress}
            max={100}
            aria-label="Uploading photo"
            data-testid="avatar-upload-progress"
          />
        )}
        {!chosen && !busy && (
          <p className="text-xs text-base-content/60">JPEG, PNG, WebP or GIF, up to {IMAGE_MAX_MB} MB. Cropped to a square.</p>
        )}
      </div>
    </div>
  );
}
