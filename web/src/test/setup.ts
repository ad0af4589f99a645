import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { useAuth } from '../store/auth';
import { useProfile } from '../store/profile';
import { useTheme } from '../store/theme';
import { useToasts } from '../store/toast';

afterEach(() => {
  cleanup();
  for (const store of [useAuth, useProfile, useTheme, useToasts]) {
    (store as { setState: (s: unknown, replace: true) => void }).setState(store.getInitialState(), true);
  }
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});
