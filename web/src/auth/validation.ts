import type { FieldErrors } from '../lib/types';

// Mirrors the server rules (the server stays the authority). Lengths count
// Unicode code points (an emoji is 1), like the server's codePointCount.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const FULL_NAME_MAX = 50;
export const BIO_MAX = 200;
export const EMAIL_MAX = 254;

// local@domain.tld: no spaces, '@' or ASCII controls; the last label must not start with '.'.
const EMAIL_RE = /^[^@\s\u0000-\u001F\u007F]+@[^@\s\u0000-\u001F\u007F]+\.[^@\s\u0000-\u001F\u007F.][^@\s\u0000-\u001F\u007F]*$/;
// C0 controls, DEL, C1 controls, and the line/paragraph separators.
const CONTROL_CHARS_RE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// Same, but a bio may span lines.
const BIO_CONTROL_CHARS_RE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** Length in code points, so "👋" counts as 1 (as on the server). */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export function validateEmail(raw: string): string | null {
  const email = raw.trim();
  if (email.length === 0) return 'Email is required';
  if (email.length > EMAIL_MAX || !EMAIL_RE.test(email)) return 'Enter a valid email address';
  return null;
}

export function validatePassword(password: string): string | null {
  const length = charCount(password);
  if (length === 0) return 'Password is required';
  if (length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters`;
  return null;
}

export function validateFullName(raw: string): string | null {
  const name = raw.trim();
  if (name.length === 0) return 'Full name is required';
  if (charCount(name) > FULL_NAME_MAX) return `Full name must be at most ${FULL_NAME_MAX} characters`;
  if (CONTROL_CHARS_RE.test(name)) return 'Full name must not contain control characters';
  return null;
}

/** The server trims the bio and turns CRLF into LF before checking it. */
export function validateBio(raw: string): string | null {
  const bio = raw.replace(/\r\n/g, '\n').trim();
  if (charCount(bio) > BIO_MAX) return `Bio must be at most ${BIO_MAX} characters`;
  if (BIO_CONTROL_CHARS_RE.test(bio)) return 'Bio must not contain control characters';
  return null;
}

function collect(checks: Record<string, string | null>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(checks)) {
    if (message) errors[field] = message;
  }
  return errors;
}

export function validateSignup(v: { fullName: string; email: string; password: string }): FieldErrors {
  return collect({
    fullName: validateFullName(v.fullName),
    email: validateEmail(v.email),
    password: validatePassword(v.password),
  });
}

/** Login only checks presence/shape; length rules are for choosing a password. */
export function validateLogin(v: { email: string; password: string }): FieldErrors {
  return collect({
    email: validateEmail(v.email),
    password: v.password.length === 0 ? 'Password is required' : null,
  });
}

export function validateProfile(v: { fullName: string; bio: string }): FieldErrors {
  return collect({ fullName: validateFullName(v.fullName), bio: validateBio(v.bio) });
}

export function validatePasswordChange(v: { currentPassword: string; newPassword: string }): FieldErrors {
  return collect({
    currentPassword: v.currentPassword.length === 0 ? 'Current password is required' : null,
    newPassword: validatePassword(v.newPassword),
  });
}

/** Forgot password: just a well-formed email. */
export function validateForgotPassword(v: { email: string }): FieldErrors {
  return collect({ email: validateEmail(v.email) });
}

/** Reset password: the new password follows the signup rules and must be typed the same twice. */
export function validatePasswordReset(v: { newPassword: string; confirmPassword: string }): FieldErrors {
  return collect({
    newPassword: validatePassword(v.newPassword),
    confirmPassword:
      v.confirmPassword.length === 0
        ? 'Confirm your new password'
        : v.confirmPassword !== v.newPassword
          ? 'Passwords do not match'
          : null,
  });
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
