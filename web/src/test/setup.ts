import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { useAuth } from '../store/auth';
import { useConversations } from '../store/conversations';
import { useMessages } from '../store/messages';
import { usePasswordReset } from '../store/passwordReset';
import { usePresence } from '../store/presence';
import { useProfile } from '../store/profile';
import { stopRealtime, useConnection } from '../store/realtime';
import { useTheme } from '../store/theme';
import { useToasts } from '../store/toast';
import { useTyping } from '../store/typing';
import { useUi } from '../store/ui';
import { useUsers } from '../store/users';
import { FakeWebSocket } from './fakeSocket';

beforeEach(() => {
  // No test opens a real socket: the app's socket is a FakeWebSocket that never opens by itself.
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

afterEach(() => {
  cleanup();
  stopRealtime();
  useTyping.getState().reset();
  for (const store of [
    useAuth,
    useProfile,
    useTheme,
    useToasts,
    useConversations,
    useMessages,
    usePasswordReset,
    usePresence,
    useTyping,
    useUi,
    useUsers,
    useConnection,
  ]) {
    (store as { setState: (s: unknown, replace: true) => void }).setState(store.getInitialState(), true);
  }
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});
