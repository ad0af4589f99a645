import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import { checkImage } from '../lib/images';
import type { User } from '../lib/types';
import { uploadErrorMessage, uploadFile } from '../lib/upload';
import { hasErrors, validatePasswordChange, validateProfile } from '../auth/validation';
import { useAuth } from './auth';
import { useConversations } from './conversations';
import { failedForm, idleForm, invalidForm, pendingForm, withoutFieldError, type FormState } from './forms';
import { toast } from './toast';

type ProfileForm = 'profileForm' | 'passwordForm' | 'avatarForm';

export interface ProfileState {
  profileForm: FormState;
  passwordForm: FormState;
  /** PUT / DELETE /api/users/me/avatar (errors are toasts). */
  avatarForm: FormState;
  /** Upload progress 0–100 while a photo uploads, else null. */
  avatarProgress: number | null;
  /** Resolves to the saved user, or null on failure. */
  saveProfile: (input: { fullName: string; bio: string }) => Promise<User | null>;
  changePassword: (input: { currentPassword: string; newPassword: string }) => Promise<boolean>;
  /** Uploads a new profile photo (the server center-crops it to 256×256); the saved user, or null. */
  uploadAvatar: (file: File) => Promise<User | null>;
  removeAvatar: () => Promise<boolean>;
  clearFieldError: (form: ProfileForm, field: string) => void;
  resetForm: (form: ProfileForm) => void;
}

function isSessionGone(err: unknown): boolean {
  const e = asApiError(err);
  return e.status === 401 && e.code === 'unauthenticated';
}

/** A new photo: the navbar follows at once, and so do my entries in the chat member lists. */
function applyAvatar(user: User) {
  useAuth.getState().setUser(user);
  useConversations.getState().patchMember(String(user.id), { avatarUrl: user.avatarUrl });
}

/** Avatar failures are toasts (an expired session logs out instead). */
function avatarFailed(err: unknown): FormState {
  const e = asApiError(err);
  if (isSessionGone(e)) {
    useAuth.getState().expireSession();
    return idleForm;
  }
  const message = uploadErrorMessage(e);
  toast.error(message);
  return { loading: false, error: { code: e.code, message, display: 'toast' }, fieldErrors: {} };
}

export const useProfile = create<ProfileState>()((set, get) => ({
  profileForm: idleForm,
  passwordForm: idleForm,
  avatarForm: idleForm,
  avatarProgress: null,

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

  uploadAvatar: async (file) => {
    if (get().avatarForm.loading) return null;
    const problem = checkImage(file);
    if (problem) {
      toast.error(problem);
      set({ avatarForm: { loading: false, error: { code: 'invalid_file', message: problem, display: 'toast' }, fieldErrors: {} } });
      return null;
    }
    set({ avatarForm: pendingForm, avatarProgress: 0 });
    try {
      const res = await uploadFile<{ user: User }>('PUT', '/api/users/me/avatar', file, (fraction) => {
        const progress = Math.round(fraction * 100);
        if (get().avatarProgress !== progress) set({ avatarProgress: progress });
      }).promise;
      applyAvatar(res.user);
      set({ avatarForm: idleForm, avatarProgress: null });
      toast.success('Profile photo updated');
      return res.user;
    } catch (err) {
      set({ avatarForm: avatarFailed(err), avatarProgress: null });
      return null;
    }
  },

  removeAvatar: async () => {
    if (get().avatarForm.loading) return false;
    set({ avatarForm: pendingForm, avatarProgress: null });
    try {
      const res = await api.delete<{ user: User }>('/api/users/me/avatar');
      applyAvatar(res.user);
      set({ avatarForm: idleForm });
      toast.success('Profile photo removed');
      return true;
    } catch (err) {
      set({ avatarForm: avatarFailed(err) });
      return false;
    }
  },

  clearFieldError: (form, field) => set((s) => ({ [form]: withoutFieldError(s[form], field) })),

  resetForm: (form) => set({ [form]: idleForm }),
}));
