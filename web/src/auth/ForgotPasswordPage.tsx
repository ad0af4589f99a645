import { Link } from 'react-router';
import { MailIcon } from '../components/icons';
import { AuthCard } from './AuthCard';

export function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      <div className="flex flex-col items-center text-center gap-3">
        <span className="size-12 rounded-full bg-info/10 text-info grid place-items-center">
          <MailIcon className="size-6" />
        </span>
        <p className="font-medium">Password reset is coming soon.</p>
        <p className="text-sm text-base-content/70">
          We're working on letting you reset your password by email. Until then, try logging in with the
          password you remember.
        </p>
        <Link to="/login" className="btn btn-primary w-full mt-2" data-testid="back-to-login">
          Back to log in
        </Link>
      </div>
    </AuthCard>
  );
}
