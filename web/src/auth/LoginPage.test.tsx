import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuth } from '../store/auth';
import { ada, apiError, deferred, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ session: { loading: false, error: null } });
});

describe('LoginPage', () => {
  it('focuses the email field', () => {
    renderApp('/login');
    expect(screen.getByTestId('login-email')).toHaveFocus();
    expect(screen.getByTestId('forgot-password-link')).toHaveAttribute('href', '/forgot-password');
  });

  it('shows client-side errors inline without calling the API', async () => {
    const fetchMock = stubFetch({});
    const { user } = renderApp('/login');
    await user.type(screen.getByTestId('login-email'), 'not-an-email');
    await user.click(screen.getByTestId('login-submit'));
    expect(screen.getByTestId('error-email')).toHaveTextContent(/valid email/i);
    expect(screen.getByTestId('error-password')).toHaveTextContent(/required/i);
    expect(screen.getByTestId('login-email')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('login-email'), 'x');
    expect(screen.queryByTestId('error-email')).not.toBeInTheDocument();
    expect(screen.getByTestId('error-password')).toBeInTheDocument();
  });

  it('shows field errors returned by the API', async () => {
    stubFetch({
      'POST /api/auth/login': apiError(400, 'validation_failed', 'Invalid input', {
        email: 'This email domain is not allowed',
      }),
    });
    const { user } = renderApp('/login');
    await user.type(screen.getByTestId('login-email'), 'ada@example.com');
    await user.type(screen.getByTestId('login-password'), 'correct horse{Enter}');
    expect(await screen.findByTestId('error-email')).toHaveTextContent('This email domain is not allowed');
  });

  it('disables the button with a spinner while logging in, then lands on the chat shell', async () => {
    const pending = deferred<Response>();
    stubFetch({ 'POST /api/auth/login': () => pending.promise });
    const { user } = renderApp('/login');
    await user.type(screen.getByTestId('login-email'), 'ada@example.com');
    await user.type(screen.getByTestId('login-password'), 'correct horse');
    await user.click(screen.getByTestId('login-submit'));

    const button = screen.getByTestId('login-submit');
    expect(button).toBeDisabled();
    expect(button.querySelector('.loading')).not.toBeNull();

    pending.resolve(json(200, { user: ada, token: 't' }));
    expect(await screen.findByTestId('chat-shell')).toBeInTheDocument();
  });

  it('shows "Wrong email or password" once, inside the form', async () => {
    stubFetch({ 'POST /api/auth/login': apiError(401, 'invalid_credentials', 'Wrong email or password') });
    const { user } = renderApp('/login');
    await user.type(screen.getByTestId('login-email'), 'ada@example.com');
    await user.type(screen.getByTestId('login-password'), 'wrong password{Enter}');
    expect(await screen.findByText('Wrong email or password')).toBeInTheDocument();
    expect(screen.getByTestId('login-submit')).toBeEnabled();
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('shows a toast when the server cannot be reached', async () => {
    stubFetch({ 'POST /api/auth/login': new TypeError('Failed to fetch') });
    const { user } = renderApp('/login');
    await user.type(screen.getByTestId('login-email'), 'ada@example.com');
    await user.type(screen.getByTestId('login-password'), 'correct horse{Enter}');
    const toast = await screen.findByTestId('toast');
    expect(toast).toHaveTextContent(/can't reach the server/i);
    expect(screen.getByTestId('toasts')).toContainElement(toast);
    await waitFor(() => expect(screen.getByTestId('login-submit')).toBeEnabled());
  });
});
