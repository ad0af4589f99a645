import { create } from 'zustand';

export interface UiState {
  /** The conversation whose thread is open (mirrors the /c/:conversationId route). */
  selectedId: string | null;
  /** Sidebar shows only conversations with someone online. */
  onlineOnly: boolean;
  select: (id: string | null) => void;
  setOnlineOnly: (on: boolean) => void;
  reset: () => void;
}

export const useUi = create<UiState>()((set) => ({
  selectedId: null,
  onlineOnly: false,
  select: (selectedId) => set({ selectedId }),
  setOnlineOnly: (onlineOnly) => set({ onlineOnly }),
  reset: () => set({ selectedId: null, onlineOnly: false }),
}));
