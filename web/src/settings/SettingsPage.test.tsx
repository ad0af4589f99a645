import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { THEMES } from '../lib/theme';
import { useAuth } from '../store/auth';
import { useNotifications } from '../store/notifications';
import { usePrivacy, type UserWithPrivacy } from '../store/privacy';
import { FakeNotification } from '../test/fakeNotification';
import { ada, apiError, deferred, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

afterEach(() => {
  usePrivacy.setState(usePrivacy.getInitialState(), true);
  useNotifications.setState(useNotifications.getInitialState(), true);
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

describe('SettingsPage: Show when I\'m online', () => {
  const hidden: UserWithPrivacy = { ...ada, showOnline: false };

  it('is on by default and says who can see it', () => {
    renderApp('/settings');
    const toggle = screen.getByRole('switch', { name: /show when i'm online/i });
    expect(toggle).toBe(screen.getByTestId('show-online-switch'));
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/share a group with/);
  });

  it('shows the stored choice', () => {
    useAuth.setState({ user: hidden });
    renderApp('/settings');
    expect(screen.getByTestId('show-online-switch')).not.toBeChecked();
  });

  it('turns it off through PATCH /api/users/me and keeps the saved user', async () => {
    const pending = deferred<Response>();
    const fetchMock = stubFetch({ 'PATCH /api/users/me': () => pending.promise });
    const { user } = renderApp('/settings');
    await user.click(screen.getByTestId('show-online-switch'));
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ showOnline: false });
    expect(screen.getByTestId('show-online-switch')).toBeDisabled();
    expect(screen.getByTestId('show-online-switch')).toBeChecked(); // not before the server stored it

    pending.resolve(json(200, { user: hidden }));
    expect(await screen.findByTestId('toast')).toHaveTextContent(/appear offline/);
    expect(screen.getByTestId('show-online-switch')).not.toBeChecked();
    expect(screen.getByTestId('show-online-switch')).toBeEnabled();
    expect((useAuth.getState().user as UserWithPrivacy).showOnline).toBe(false);
  });

  it('turns it back on', async () => {
    useAuth.setState({ user: hidden });
    const fetchMock = stubFetch({ 'PATCH /api/users/me': json(200, { user: { ...ada, showOnline: true } }) });
    const { user } = renderApp('/settings');
    await user.click(screen.getByTestId('show-online-switch'));
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ showOnline: true });
    expect(await screen.findByTestId('toast')).toHaveTextContent(/can see when you are online/);
    expect(screen.getByTestId('show-online-switch')).toBeChecked();
  });

  it('stays as it was and says why when saving fails', async () => {
    stubFetch({ 'PATCH /api/users/me': apiError(429, 'rate_limited', 'Too many attempts. Try again in 3 s.') });
    const { user } = renderApp('/settings');
    await user.click(screen.getByTestId('show-online-switch'));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Too many attempts');
    expect(screen.getByTestId('show-online-switch')).toBeChecked();
    expect(screen.getByTestId('show-online-switch')).toBeEnabled();
    expect(useAuth.getState().user).toEqual(ada);
  });

  it('sends the user to /login when the session has expired', async () => {
    stubFetch({ 'PATCH /api/users/me': apiError(401, 'unauthenticated', 'Not logged in') });
    const { user } = renderApp('/settings');
    await user.click(screen.getByTestId('show-online-switch'));
    expect(await screen.findByTestId('login-email')).toBeInTheDocument();
  });
});

describe('SettingsPage: Desktop notifications', () => {
  const toggle = () => screen.getByRole('switch', { name: /desktop notifications/i });

  it('is off and asks nothing on load', () => {
    FakeNotification.install('default');
    useNotifications.getState().refreshPermission();
    renderApp('/settings');
    expect(toggle()).not.toBeChecked();
    expect(toggle()).toBeEnabled();
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    expect(screen.queryByTestId('notifications-blocked')).not.toBeInTheDocument();
  });

  it('turning it on asks the browser; granted → on', async () => {
    FakeNotification.install('default', 'granted');
    const { user } = renderApp('/settings');
    await user.click(toggle());
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(toggle()).toBeChecked();
    expect(localStorage.getItem('echos-notifications')).toBe('on');

    await user.click(toggle());
    expect(toggle()).not.toBeChecked();
    expect(localStorage.getItem('echos-notifications')).toBeNull();
  });

  it('denied → stays off and says it is blocked in the browser', async () => {
    FakeNotification.install('default', 'denied');
    const { user } = renderApp('/settings');
    await user.click(toggle());
    expect(toggle()).not.toBeChecked();
    expect(toggle()).toBeDisabled();
    expect(screen.getByTestId('notifications-blocked')).toHaveTextContent(/blocked for Echos in this browser/);
  });

  it('shows a permission taken back in the browser as off and blocked', () => {
    FakeNotification.install('denied');
    useNotifications.setState({ enabled: true });
    renderApp('/settings');
    expect(toggle()).not.toBeChecked();
    expect(screen.getByTestId('notifications-blocked')).toBeInTheDocument();
  });
});
