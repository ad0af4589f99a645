import { describe, expect, it } from 'vitest';
import { applyTheme, readStoredTheme, THEME_STORAGE_KEY } from './theme';

describe('theme', () => {
  it('reads a stored theme, ignoring unknown values', () => {
    expect(readStoredTheme()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'nord');
    expect(readStoredTheme()).toBe('nord');
    localStorage.setItem(THEME_STORAGE_KEY, 'not-a-theme');
    expect(readStoredTheme()).toBe('system');
  });

  it('applies to <html data-theme> and persists', () => {
    applyTheme('synthwave');
    expect(document.documentElement.getAttribute('data-theme')).toBe('synthwave');
    expect(localStorage.getItem('echos-theme')).toBe('synthwave');
    applyTheme('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem('echos-theme')).toBeNull();
  });
});
