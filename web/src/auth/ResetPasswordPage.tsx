import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { TextField } from '../components/Field';
import { AlertIcon } from '../components/icons';
import { SubmitButton } from '../components/SubmitButton';
import { useAuth } from '../store/auth';
import { INVALID_RESET_LINK_MESSAGE, INVALID_TOKEN, usePasswordReset } from '../store/passwordReset';
import { AuthCard } from './AuthCard';
import { PASSWORD_MAX, PASSWORD_MIN } from './validation';

/** Explains a dead link (unknown, expired, used, or no token at all) and offers a new one. */
function InvalidLink({ message }: { message: string }) {
  return (
    <AuthCard title="Link can't be used">
      <div className="flex flex-col items-center text-center gap-3" data-testid="reset-invalid" role="alert">
        <span className="size-12 rounded-full bg-warning/10 text-warning grid place-items-center">
          <AlertIcon className="size-6" />
        </span>
        <p className="font-medium">{message}</p>
        <p className="text-sm text-base-content/70">
          A reset link works once, for 30 minutes, and asking again replaces older links.
        </p>
      </div>
      <div className="flex flex-col gap-2 mt-2">
        <Link to="/forgot-password" className="btn btn-primary w-full" data-testid="reset-request-new">
          Get a new link
        </Link>
        <Link to="/login" className="btn btn-ghost w-full" data-testid="back-to-login">
          Back to log in
        </Link>
      </div>
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = (params.get('token') ?? '').trim();
  const navigate = useNavigate();
  const loggedIn = useAuth((s) => s.user !== null);
  const form = usePasswordReset((s) => s.resetPasswordForm);
  const resetPassword = usePasswordReset((s) => s.resetPassword);
  const clearFieldError = usePasswordReset((s) => s.clearFieldError);
  const resetForm = usePasswordReset((s) => s.resetForm);
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');

  useEffect(() => () => resetForm('resetPasswordForm'), [resetForm]);

  if (!token || form.error?.code === INVALID_TOKEN) {
    return <InvalidLink message={form.error?.code === INVALID_TOKEN ? form.error.message : INVALID_RESET_LINK_MESSAGE} />;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await resetPassword({ token, newPassword, confirmPassword })) {
      navigate('/login', { replace: true });
    }
  };

  return (
    <AuthCard
      title="Choose a new password"
      subtitle={
        loggedIn
          ? 'This logs you out on every device, including this one'
          : 'You will log in with it afterwards'
      }
      footer={
        loggedIn ? (
          <Link to="/" className="link link-primary">
            Back to chats
          </Link>
        ) : (
          <>
            Remembered it?{' '}
            <Link to="/login" className="link link-primary" data-testid="back-to-login">
              Back to log in
            </Link>
          </>
        )
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label="Choose a new password">
        <FormAlert error={form.error} testId="reset-error" />
        <TextField
          idPrefix="reset"
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={newPassword}
          onChange={(value) => {
            setNewPassword(value);
            clearFieldError('resetPasswordForm', 'newPassword');
            clearFieldError('resetPasswordForm', 'confirmPassword');
          }}
          error={form.fieldErrors.newPassword}
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters`}
          testId="reset-password"
        />
        <TextField
          idPrefix="reset"
          name="confirmPassword"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          onChange={(value) => {
            setConfirmPassword(value);
            clearFieldError('resetPasswordForm', 'confirmPassword');
          }}
          error={form.fieldErrors.confirmPassword}
          hint="Type it again to make sure"
          testId="reset-password-confirm"
        />
        <SubmitButton loading={form.loading} testId="reset-submit" className="w-full mt-2">
          Change password
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
