import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { TextField } from '../components/Field';
import { SubmitButton } from '../components/SubmitButton';
import { useAuth } from '../store/auth';
import { AuthCard } from './AuthCard';

export function LoginPage() {
  const form = useAuth((s) => s.loginForm);
  const login = useAuth((s) => s.login);
  const clearFieldError = useAuth((s) => s.clearFieldError);
  const resetForm = useAuth((s) => s.resetForm);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => () => resetForm('loginForm'), [resetForm]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void login({ email, password });
  };

  const edit = (field: string, setter: (v: string) => void) => (value: string) => {
    setter(value);
    clearFieldError('loginForm', field);
  };

  return (
    <AuthCard
      title="Welcome back"
      subtitle="Log in to continue your conversations"
      footer={
        <>
          New to Echos?{' '}
          <Link to="/signup" className="link link-primary">
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label="Log in">
        <FormAlert error={form.error} testId="login-error" />
        <TextField
          idPrefix="login"
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus
          value={email}
          onChange={edit('email', setEmail)}
          error={form.fieldErrors.email}
          testId="login-email"
        />
        <TextField
          idPrefix="login"
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={edit('password', setPassword)}
          error={form.fieldErrors.password}
          testId="login-password"
        />
        <div className="flex justify-end -mt-1">
          <Link
            to="/forgot-password"
            state={email.trim() ? { email: email.trim() } : undefined}
            className="link link-hover text-sm"
            data-testid="forgot-password-link"
          >
            Forgot password?
          </Link>
        </div>
        <SubmitButton loading={form.loading} testId="login-submit" className="w-full mt-2">
          Log in
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
