import { useEffect, useState, type FormEvent } from 'react';
import { BIO_MAX } from '../auth/validation';
import { TextAreaField, TextField } from '../components/Field';
import { SubmitButton } from '../components/SubmitButton';
import { formatDate } from '../lib/format';
import type { User } from '../lib/types';
import { useProfile } from '../store/profile';
import { AvatarEditor } from './AvatarEditor';

export function ProfileForm({ user }: { user: User }) {
  const form = useProfile((s) => s.profileForm);
  const saveProfile = useProfile((s) => s.saveProfile);
  const clearFieldError = useProfile((s) => s.clearFieldError);
  const resetForm = useProfile((s) => s.resetForm);
  const [fullName, setFullName] = useState(user.fullName);
  const [bio, setBio] = useState(user.bio ?? '');

  useEffect(() => () => resetForm('profileForm'), [resetForm]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await saveProfile({ fullName, bio });
    if (saved) {
      setFullName(saved.fullName);
      setBio(saved.bio ?? '');
    }
  };

  const edit = (field: string, setter: (v: string) => void) => (value: string) => {
    setter(value);
    clearFieldError('profileForm', field);
  };

  return (
    <section className="card bg-base-100 shadow-sm" aria-labelledby="profile-heading">
      <div className="card-body gap-5 p-5 sm:p-8">
        <AvatarEditor user={user}>
          <div className="min-w-0">
            <h2 id="profile-heading" className="text-xl font-semibold break-words">
              {user.fullName}
            </h2>
            <p className="text-sm text-base-content/60">
              Member since <span data-testid="profile-member-since">{formatDate(user.createdAt)}</span>
            </p>
          </div>
        </AvatarEditor>

        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label="Edit profile">
          <TextField
            idPrefix="profile"
            name="fullName"
            label="Full name"
            autoComplete="name"
            value={fullName}
            onChange={edit('fullName', setFullName)}
            error={form.fieldErrors.fullName}
            testId="profile-fullName"
          />
          <TextAreaField
            idPrefix="profile"
            name="bio"
            label="Bio"
            maxLength={BIO_MAX}
            value={bio}
            onChange={edit('bio', setBio)}
            error={form.fieldErrors.bio}
            testId="profile-bio"
          />
          <TextField
            idPrefix="profile"
            name="email"
            label="Email"
            type="email"
            value={user.email}
            onChange={() => {}}
            readOnly
            hint="Your email can't be changed."
            testId="profile-email"
          />
          <div className="flex justify-end mt-2">
            <SubmitButton loading={form.loading} testId="profile-save" className="w-full sm:w-auto">
              Save
            </SubmitButton>
          </div>
        </form>
      </div>
    </section>
  );
}
