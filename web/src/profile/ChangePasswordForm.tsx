import { useEffect, useState, type FormEvent } from 'react';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/validation';
import { TextField } from '../components/Field';
import { SubmitButton } from '../components/SubmitButton';
import { useProfile } from '../store/profile';

export function ChangePasswordForm() {
  const form = useProfile((s) => s.passwordForm);
  const changePassword = useProfile((s) => s.changePassword);
  const clearFieldError = useProfile((s) => s.clearFieldError);
  const resetForm = useProfile((s) => s.resetForm);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

  useEffect(() => () => resetForm('passwordForm'), [resetForm]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await changePassword({ currentPassword, newPassword })) {
      setCurrentPassword('');
      setNewPassword('');
    }
  };

  const edit = (field: string, setter: (v: string) => void) => (value: string) => {
    setter(value);
    clearFieldError('passwordForm', field);
  };

  return (
    <section className="card bg-base-100 shadow-sm" aria-labelledby="password-heading">
      <form onSubmit={onSubmit} noValidate className="card-body gap-2 p-5 sm:p-8" aria-label="Change password">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <TextField
          idPrefix="password"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={edit('currentPassword', setCurrentPassword)}
          error={form.fieldErrors.currentPassword}
          testId="password-current"
        />
        <TextField
          idPrefix="password"
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={edit('newPassword', setNewPassword)}
          error={form.fieldErrors.newPassword}
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters`}
          testId="password-new"
        />
        <div className="flex justify-end mt-2">
          <SubmitButton loading={form.loading} testId="password-submit" className="w-full sm:w-auto">
            Change password
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
