import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { TextField } from '../components/Field';
import { MailIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import { SubmitButton } from '../components/SubmitButton';
import { RESET_LINK_SENT_MESSAGE, usePasswordReset } from '../store/passwordReset';
import { toast } from '../store/toast';
import { AuthCard } from './AuthCard';

/** The login page passes what was typed in its email field as `state.email`. */
function prefilledEmail(state: unknown): string {
  const email = (state as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : '';
}

export function ForgotPasswordPage() {
  const location = useLocation();
  const form = usePasswordReset((s) => s.forgotForm);
  const requestReset = usePasswordReset((s) => s.requestReset);
  const clearFieldError = usePasswordReset((s) => s.clearFieldError);
  const resetForm = usePasswordReset((s) => s.resetForm);
  const [email, setEmail] = useState(() => prefilledEmail(location.state));
  const [sent, setSent] = useState(false);

  useEffect(() => () => resetForm('forgotForm'), [resetForm]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await requestReset({ email })) setSent(true);
  };

  const sendAgain = async () => {
    if (await requestReset({ email })) toast.success('We sent another link if an account exists for that email.');
  };

  const changeEmail = () => {
    resetForm('forgotForm');
    setSent(false);
  };

  if (sent) {
    return (
      <AuthCard title="Check your email">
        <div className="flex flex-col items-center text-center gap-3" data-testid="forgot-sent" role="status">
          <span className="size-12 rounded-full bg-success/10 text-success grid place-items-center">
            <MailIcon className="size-6" />
          </span>
          <p className="font-medium">{RESET_LINK_SENT_MESSAGE}</p>
          <p className="text-sm text-base-content/70">
            The link works once, for 30 minutes. Not there? Check your spam folder, or send it again (only the newest
            link works).
          </p>
        </div>
        <FormAlert error={form.error} testId="forgot-error" />
        <div className="flex flex-col gap-2 mt-2">
          <Link to="/login" className="btn btn-primary w-full" data-testid="back-to-login">
            Back to log in
          </Link>
          <button
            type="button"
            className="btn btn-ghost w-full"
            onClick={() => void sendAgain()}
            disabled={form.loading}
            aria-busy={form.loading}
            data-testid="forgot-resend"
          >
            {form.loading && <Spinner />}
            Send again
          </button>
          <button
            type="button"
            className="btn btn-link btn-sm self-center"
            onClick={changeEmail}
            data-testid="forgot-change-email"
          >
            Use a different email
          </button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter your email and we'll send you a link to choose a new one"
      footer={
        <>
          Remembered it?{' '}
          <Link to="/login" className="link link-primary" data-testid="back-to-login">
            Back to log in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label="Reset password">
        <FormAlert error={form.error} testId="forgot-error" />
        <TextField
          idPrefix="forgot"
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus
          value={email}
          onChange={(value) => {
            setEmail(value);
            clearFieldError('forgotForm', 'email');
          }}
          error={form.fieldErrors.email}
          testId="forgot-email"
        />
        <SubmitButton loading={form.loading} testId="forgot-submit" className="w-full mt-2">
          Send reset link
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
