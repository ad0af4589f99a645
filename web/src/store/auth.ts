import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import type { User } from '../lib/types';
import { hasErrors, validateLogin, validateSignup } from '../auth/validation';
import { clearOfflineData } from '../pwa/clearOfflineData';
import { forgetAllDrafts } from './composerDrafts';
import { failedForm, idleForm, invalidForm, pendingForm, withoutFieldError, type FormState } from './forms';
import { toast } from './toast';

export interface LoginInput {
  email: string;
  password: string;
}

export interface SignupInput {
  fullName: string;
  email: string;
  password: string;
}

type AuthForm = 'loginForm' | 'signupForm';

interface AuthResponse {
  user: User;
  token?: string; // ignored: the session lives in the httpOnly `jwt` cookie
}

export interface AuthState {
  user: User | null;
  /** The initial GET /api/auth/me; loading is true until it settles. */
  session: { loading: boolean; error: string | null };
  loginForm: FormState;
  signupForm: FormState;
  logoutState: FormState;

  checkAuth: () => Promise<void>;
  login: (input: LoginInput) => Promise<boolean>;
  signup: (input: SignupInput) => Promise<boolean>;
  logout: () => Promise<void>;
  setUser: (user: User | null) => void;
  /** The server said our session is gone (401 unauthenticated) in the middle of something. */
  expireSession: () => void;
  clearFieldError: (form: AuthForm, field: string) => void;
  resetForm: (form: AuthForm) => void;
}

export const useAuth = create<AuthState>()((set, get) => ({
  user: null,
  session: { loading: true, error: null },
  loginForm: idleForm,
  signupForm: idleForm,
  logoutState: idleForm,

  checkAuth: async () => {
    set({ session: { loading: true, error: null } });
    try {
      const res = await api.get<{ user: User }>('/api/auth/me');
      set({ user: res?.user ?? null, session: { loading: false, error: null } });
    } catch (err) {
      const e = asApiError(err);
      if (e.status === 401) {
        // Simply logged out: not an error worth telling the user about.
        await clearOfflineData();
        set({ user: null, session: { loading: false, error: null } });
      } else {
        set({ user: null, session: { loading: false, error: e.message } });
        toast.error(e.message);
      }
    }
  },

  login: async (input) => {
    if (get().loginForm.loading) return false;
    const errors = validateLogin(input);
    if (hasErrors(errors)) {
      set({ loginForm: invalidForm(errors) });
      return false;
    }
    set({ loginForm: pendingForm });
    try {
      const res = await api.post<AuthResponse>('/api/auth/login', {
        email: input.email.trim(),
        password: input.password,
      });
      set({ user: res.user, loginForm: idleForm });
      return true;
    } catch (err) {
      set({
        loginForm: failedForm(err, { inlineCodes: { invalid_credentials: 'Wrong email or password' } }),
      });
      return false;
    }
  },

  signup: async (input) => {
    if (get().signupForm.loading) return false;
    const errors = validateSignup(input);
    if (hasErrors(errors)) {
      set({ signupForm: invalidForm(errors) });
      return false;
    }
    set({ signupForm: pendingForm });
    try {
      const res = await api.post<AuthResponse>('/api/auth/signup', {
        fullName: input.fullName.trim(),
        email: input.email.trim(),
        password: input.password,
      });
      set({ user: res.user, signupForm: idleForm });
      return true;
    } catch (err) {
      set({
        signupForm: failedForm(err, {
          codeToField: { email_taken: { field: 'email' } },
        }),
      });
      return false;
    }
  },

  logout: async () => {
    if (get().logoutState.loading) return;
    set({ logoutState: pendingForm });
    try {
      await api.post<null>('/api/auth/logout');
      forgetAllDrafts();
      await clearOfflineData();
      set({ user: null, logoutState: idleForm });
    } catch (err) {
      if (asApiError(err).status === 401) {
        await clearOfflineData();
        set({ user: null, logoutState: idleForm }); // already logged out server-side
      } else {
        set({ logoutState: failedForm(err) });
      }
    }
  },

  setUser: (user) => set({ user }),

  expireSession: () => {
    if (get().user === null) return;
    void clearOfflineData();
    set({ user: null });
    toast.info('Your session has expired. Please log in again.');
  },

  clearFieldError: (form, field) => set((s) => ({ [form]: withoutFieldError(s[form], field) })),

  resetForm: (form) => set({ [form]: idleForm }),
}));
