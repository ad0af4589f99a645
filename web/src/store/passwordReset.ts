import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import { hasErrors, validateForgotPassword, validatePasswordReset } from '../auth/validation';
import { useAuth } from './auth';
import { failedForm, idleForm, invalidForm, pendingForm, withoutFieldError, type FormState } from './forms';
import { toast } from './toast';

/** Shown after every 202, whether or not the account exists (never reveal which). */
export const RESET_LINK_SENT_MESSAGE = 'If an account exists for that email, we sent a link to reset your password.';
export const PASSWORD_RESET_DONE_MESSAGE = 'Password changed. Log in with your new password.';
export const INVALID_RESET_LINK_MESSAGE = 'This reset link is unknown, expired or already used. Ask for a new one.';
/** The error code the reset form carries when the link can't be used (also set for a URL without a token). */
export const INVALID_TOKEN = 'invalid_token';

type PasswordResetForm = 'forgotForm' | 'resetPasswordForm';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
  confirmPassword: string;
}

export interface PasswordResetState {
  /** POST /api/auth/forgot-password */
  forgotForm: FormState;
  /** POST /api/auth/reset-password; error.code === 'invalid_token' means the link is dead. */
  resetPasswordForm: FormState;
  /** Resolves to true once the server accepted the request (202). */
  requestReset: (input: { email: string }) => Promise<boolean>;
  /** Resolves to true on 204; the user is then logged out locally (the server ended every session). */
  resetPassword: (input: ResetPasswordInput) => Promise<boolean>;
  clearFieldError: (form: PasswordResetForm, field: string) => void;
  resetForm: (form: PasswordResetForm) => void;
}

export const usePasswordReset = create<PasswordResetState>()((set, get) => ({
  forgotForm: idleForm,
  resetPasswordForm: idleForm,

  requestReset: async (input) => {
    if (get().forgotForm.loading) return false;
    const errors = validateForgotPassword(input);
    if (hasErrors(errors)) {
      set({ forgotForm: invalidForm(errors) });
      return false;
    }
    set({ forgotForm: pendingForm });
    try {
      await api.post<{ message?: string }>('/api/auth/forgot-password', { email: input.email.trim() });
      set({ forgotForm: idleForm });
      return true;
    } catch (err) {
      set({
        forgotForm: failedForm(err, {
          // Shown in the page (the server's message says how long to wait / why).
          inlineCodes: {
            rate_limited: 'Too many requests. Please wait a while before asking again.',
            email_unavailable: 'Password reset by email is not available on this server.',
          },
        }),
      });
      return false;
    }
  },

  resetPassword: async (input) => {
    if (get().resetPasswordForm.loading) return false;
    const token = input.token.trim();
    if (!token) {
      set({ resetPasswordForm: invalidLink(INVALID_RESET_LINK_MESSAGE) });
      return false;
    }
    const errors = validatePasswordReset(input);
    if (hasErrors(errors)) {
      set({ resetPasswordForm: invalidForm(errors) });
      return false;
    }
    set({ resetPasswordForm: pendingForm });
    try {
      await api.post<null>('/api/auth/reset-password', { token, newPassword: input.newPassword });
      set({ resetPasswordForm: idleForm });
      // Every session of this user is gone server-side: drop ours too, so /login shows the form.
      if (useAuth.getState().user !== null) useAuth.getState().setUser(null);
      toast.success(PASSWORD_RESET_DONE_MESSAGE);
      return true;
    } catch (err) {
      const e = asApiError(err);
      if (e.code === INVALID_TOKEN || (e.fields.token && !e.fields.newPassword)) {
        set({ resetPasswordForm: invalidLink(e.code === INVALID_TOKEN ? e.message : INVALID_RESET_LINK_MESSAGE) });
      } else {
        set({ resetPasswordForm: failedForm(err) });
      }
      return false;
    }
  },

  clearFieldError: (form, field) => set((s) => ({ [form]: withoutFieldError(s[form], field) })),

  resetForm: (form) => set({ [form]: idleForm }),
}));

function invalidLink(message: string): FormState {
  return {
    loading: false,
    error: { code: INVALID_TOKEN, message: message || INVALID_RESET_LINK_MESSAGE, display: 'inline' },
    fieldErrors: {},
  };
}
