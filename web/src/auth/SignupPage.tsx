import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { TextField } from '../components/Field';
import { SubmitButton } from '../components/SubmitButton';
import { useAuth } from '../store/auth';
import { AuthCard } from './AuthCard';
import { PASSWORD_MAX, PASSWORD_MIN } from './validation';

export function SignupPage() {
  const form = useAuth((s) => s.signupForm);
  const signup = useAuth((s) => s.signup);
  const clearFieldError = useAuth((s) => s.clearFieldError);
  const resetForm = useAuth((s) => s.resetForm);
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => () => resetForm('signupForm'), [resetForm]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void signup({ fullName, email, password });
  };

  const edit = (field: string, setter: (v: string) => void) => (value: string) => {
    setter(value);
    clearFieldError('signupForm', field);
  };

  return (
    <AuthCard
      title="Create your account"
      subtitle="Start chatting in seconds"
      footer={
        <>
          Already have an account?{' '}
          <Link to="/login" className="link link-primary">
            Log in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label="Create account">
        <FormAlert error={form.error} testId="signup-error" />
        <TextField
          idPrefix="signup"
          name="fullName"
          label="Full name"
          autoComplete="name"
          autoFocus
          value={fullName}
          onChange={edit('fullName', setFullName)}
          error={form.fieldErrors.fullName}
          testId="signup-fullName"
        />
        <TextField
          idPrefix="signup"
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={edit('email', setEmail)}
          error={form.fieldErrors.email}
          testId="signup-email"
        />
        <TextField
          idPrefix="signup"
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={edit('password', setPassword)}
          error={form.fieldErrors.password}
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters`}
          testId="signup-password"
        />
        <SubmitButton loading={form.loading} testId="signup-submit" className="w-full mt-2">
          Create account
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
