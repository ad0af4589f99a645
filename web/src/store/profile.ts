import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import type { User } from '../lib/types';
import { hasErrors, validatePasswordChange, validateProfile } from '../auth/validation';
import { useAuth } from './auth';
import { failedForm, idleForm, invalidForm, pendingForm, withoutFieldError, type FormState } from './forms';
import { toast } from './toast';

type ProfileForm = 'profileForm' | 'passwordForm';

export interface ProfileState {
  profileForm: FormState;
  passwordForm: FormState;
  /** Resolves to the saved user, or null on failure. */
  saveProfile: (input: { fullName: string; bio: string }) => Promise<User | null>;
  changePassword: (input: { currentPassword: string; newPassword: string }) => Promise<boolean>;
  clearFieldError: (form: ProfileForm, field: string) => void;
  resetForm: (form: ProfileForm) => void;
}

function isSessionGone(err: unknown): boolean {
  const e = asApiError(err);
  return e.status === 401 && e.code === 'unauthenticated';
}

export const useProfile = create<ProfileState>()((set, get) => ({
  profileForm: idleForm,
  passwordForm: idleForm,

  saveProfile: async (input) => {
    if (get().profileForm.loading) return null;
    const errors = validateProfile(input);
    if (hasErrors(errors)) {
      set({ profileForm: invalidForm(errors) });
      return null;
    }
    set({ profileForm: pendingForm });
    try {
      const res = await api.patch<{ user: User }>('/api/users/me', {
        fullName: input.fullName.trim(),
        bio: input.bio,
      });
      useAuth.getState().setUser(res.user);
      set({ profileForm: idleForm });
      toast.success('Profile saved');
      return res.user;
    } catch (err) {
      if (isSessionGone(err)) {
        set({ profileForm: idleForm });
        useAuth.getState().expireSession();
      } else {
        set({ profileForm: failedForm(err) });
      }
      return null;
    }
  },

  changePassword: async (input) => {
    if (get().passwordForm.loading) return false;
    const errors = validatePasswordChange(input);
    if (hasErrors(errors)) {
      set({ passwordForm: invalidForm(errors) });
      return false;
    }
    set({ passwordForm: pendingForm });
    try {
      await api.put<null>('/api/auth/password', input);
      set({ passwordForm: idleForm });
      toast.success('Password changed');
      return true;
    } catch (err) {
      if (isSessionGone(err)) {
        set({ passwordForm: idleForm });
        useAuth.getState().expireSession();
      } else {
        set({
          passwordForm: failedForm(err, {
            codeToField: {
              invalid_credentials: { field: 'currentPassword', message: 'Current password is incorrect' },
            },
          }),
        });
      }
      return false;
    }
  },

  clearFieldError: (form, field) => set((s) => ({ [form]: withoutFieldError(s[form], field) })),

  resetForm: (form) => set({ [form]: idleForm }),
}));
