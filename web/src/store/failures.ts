import { asApiError } from '../lib/api';
import { useAuth } from './auth';
import { failedForm, idleForm, type FailureOptions, type FormState } from './forms';
import { toast } from './toast';

export function isSessionGone(err: unknown): boolean {
  const e = asApiError(err);
  return e.status === 401 && e.code === 'unauthenticated';
}

/** Like failedForm, but an expired session logs out instead of showing an error. */
export function failed(err: unknown, options?: FailureOptions): FormState {
  if (isSessionGone(err)) {
    useAuth.getState().expireSession();
    return idleForm;
  }
  return failedForm(err, options);
}

/** For actions without a form: toast the error (or log out); returns the message. */
export function reportError(err: unknown): string {
  if (isSessionGone(err)) {
    useAuth.getState().expireSession();
    return asApiError(err).message;
  }
  const e = asApiError(err);
  toast.error(e.message);
  return e.message;
}
