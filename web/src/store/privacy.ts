import { create } from 'zustand';
import { api, asApiError } from '../lib/api';
import type { User } from '../lib/types';
import { useAuth } from './auth';
import { failedForm, idleForm, pendingForm, type FormState } from './forms';
import { toast } from './toast';

/** The signed-in user as the server returns it to its owner, with the presence setting. */
export type UserWithPrivacy = User & { showOnline?: boolean };

/** "Show when I'm online": on unless the server says it is off. */
export function showsOnline(user: User | null): boolean {
  return (user as UserWithPrivacy | null)?.showOnline !== false;
}

export interface PrivacyState {
  /** PATCH /api/users/me { showOnline } (failures are toasts). */
  showOnlineForm: FormState;
  /** Resolves to true once the server has stored the setting. */
  setShowOnline: (show: boolean) => Promise<boolean>;
}

export const usePrivacy = create<PrivacyState>()((set, get) => ({
  showOnlineForm: idleForm,

  setShowOnline: async (show) => {
    if (get().showOnlineForm.loading) return false;
    set({ showOnlineForm: pendingForm });
    try {
      const res = await api.patch<{ user: UserWithPrivacy }>('/api/users/me', { showOnline: show });
      useAuth.getState().setUser(res.user);
      set({ showOnlineForm: idleForm });
      toast.success(show ? 'Others can see when you are online' : 'You now appear offline to everyone');
      return true;
    } catch (err) {
      const e = asApiError(err);
      if (e.status === 401 && e.code === 'unauthenticated') {
        set({ showOnlineForm: idleForm });
        useAuth.getState().expireSession();
      } else {
        set({ showOnlineForm: failedForm(e) });
      }
      return false;
    }
  },
}));
