import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAuth } from './store/auth';
import { ada, json, stubFetch } from './test/http';
import { renderApp } from './test/render';

const loggedOut = () => useAuth.setState({ user: null, session: { loading: false, error: null } });
const loggedIn = () => useAuth.setState({ user: ada, session: { loading: false, error: null } });

describe('route guards', () => {
  it('shows a full-page spinner while the session check runs', () => {
    renderApp('/');
    expect(screen.getByTestId('app-loading')).toBeInTheDocument();
    expect(screen.queryByTestId('chat-shell')).not.toBeInTheDocument();
  });

  it.each(['/', '/profile', '/settings'])('sends logged-out users from %s to /login', (path) => {
    loggedOut();
    renderApp(path);
    expect(screen.getByTestId('login-email')).toBeInTheDocument();
  });

  it.each(['/login', '/signup'])('sends logged-in users from %s to the chat shell', (path) => {
    loggedIn();
    renderApp(path);
    expect(screen.getByTestId('chat-shell')).toBeInTheDocument();
  });

  it('keeps the forgot-password page public', () => {
    loggedOut();
    renderApp('/forgot-password');
    expect(screen.getByTestId('forgot-email')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to log in/i })).toHaveAttribute('href', '/login');
  });

  it.each([
    ['logged out', loggedOut],
    ['logged in', loggedIn],
  ])('opens the reset-password page when %s', (_, setup) => {
    setup();
    renderApp('/reset-password?token=abc');
    expect(screen.getByTestId('reset-password')).toBeInTheDocument();
    expect(screen.queryByTestId('chat-shell')).not.toBeInTheDocument();
  });
});

describe('chat shell', () => {
  it('shows the empty states and the user menu', async () => {
    loggedIn();
    stubFetch({ 'GET /api/conversations': json(200, { conversations: [] }) });
    const { user } = renderApp('/');
    const shell = screen.getByTestId('chat-shell');
    expect(await within(shell).findByText('No conversations yet')).toBeInTheDocument();
    expect(within(shell).getByText('Select a conversation')).toBeInTheDocument();

    expect(screen.queryByTestId('menu-profile')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('user-menu'));
    expect(screen.getByTestId('user-menu')).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByTestId('menu-settings'));
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.queryByTestId('menu-settings')).not.toBeInTheDocument();
  });

  it('logs out from the user menu and returns to /login', async () => {
    loggedIn();
    stubFetch({ 'POST /api/auth/logout': new Response(null, { status: 204 }) });
    const { user } = renderApp('/');
    await user.click(screen.getByTestId('user-menu'));
    await user.click(screen.getByTestId('menu-logout'));
    expect(await screen.findByTestId('login-email')).toBeInTheDocument();
    expect(useAuth.getState().user).toBeNull();
  });
});
