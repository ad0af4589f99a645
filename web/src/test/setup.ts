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
import { FakeXMLHttpRequest } from './fakeXhr';

// jsdom has no object URLs: hand out unique fake ones (tests may spy on them).
let objectUrls = 0;
URL.createObjectURL = () => `blob:test/${++objectUrls}`;
URL.revokeObjectURL = () => {};

beforeEach(() => {
  // No test opens a real socket: the app's socket is a FakeWebSocket that never opens by itself.
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
  // Uploads go through a FakeXMLHttpRequest that answers only when a test tells it to.
  FakeXMLHttpRequest.reset();
  vi.stubGlobal('XMLHttpRequest', FakeXMLHttpRequest);
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
