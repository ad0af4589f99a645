import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { THEMES } from '../lib/theme';
import { useAuth } from '../store/auth';
import { ada } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

describe('SettingsPage', () => {
  it('offers every theme plus system', () => {
    renderApp('/settings');
    for (const theme of ['system', ...THEMES]) {
      expect(screen.getByTestId(`theme-${theme}`)).toBeInTheDocument();
    }
    for (const required of ['light', 'dark', 'cupcake', 'synthwave', 'retro', 'forest', 'dracula', 'nord']) {
      expect(THEMES).toContain(required);
    }
    expect(screen.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'true');
  });

  it('applies and remembers the chosen theme', async () => {
    const { user } = renderApp('/settings');
    await user.click(screen.getByTestId('theme-dracula'));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dracula');
    expect(localStorage.getItem('echos-theme')).toBe('dracula');
    expect(screen.getByTestId('theme-dracula')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'false');

    await user.click(screen.getByTestId('theme-system'));
    expect(document.documentElement).not.toHaveAttribute('data-theme');
    expect(localStorage.getItem('echos-theme')).toBeNull();
  });
});
