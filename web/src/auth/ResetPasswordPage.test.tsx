import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuth } from '../store/auth';
import { ada, apiError, deferred, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

const DONE = 'Password changed. Log in with your new password.';

beforeEach(() => {
  useAuth.setState({ session: { loading: false, error: null } });
});

async function fill(user: ReturnType<typeof renderApp>['user'], password: string, confirm = password) {
  await user.type(screen.getByTestId('reset-password'), password);
  await user.type(screen.getByTestId('reset-password-confirm'), confirm);
  await user.click(screen.getByTestId('reset-submit'));
}

describe('ResetPasswordPage', () => {
  it('asks for the new password twice and shows the rules', () => {
    renderApp('/reset-password?token=tok123');
    expect(screen.getByTestId('reset-password')).toHaveFocus();
    expect(screen.getByTestId('reset-password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('reset-password-confirm')).toHaveAttribute('type', 'password');
    expect(screen.getByText('8–128 characters')).toBeInTheDocument();
    expect(screen.queryByTestId('reset-invalid')).not.toBeInTheDocument();
  });

  it('shows a mismatch on the confirmation without calling the API', async () => {
    const fetchMock = stubFetch({});
    const { user } = renderApp('/reset-password?token=tok123');
    await fill(user, 'correct horse', 'correct horsf');
    expect(screen.getByTestId('error-confirmPassword')).toHaveTextContent(/do not match/i);
    expect(screen.getByTestId('reset-password-confirm')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('error-newPassword')).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('reset-password-confirm'), '{Backspace}');
    expect(screen.queryByTestId('error-confirmPassword')).not.toBeInTheDocument();
  });

  it('checks the password length before sending', async () => {
    const fetchMock = stubFetch({});
    const { user } = renderApp('/reset-password?token=tok123');
    await fill(user, '1234567');
    expect(screen.getByTestId('error-newPassword')).toHaveTextContent(/at least 8/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('on 204 goes to /login with a success toast', async () => {
    const fetchMock = stubFetch({ 'POST /api/auth/reset-password': new Response(null, { status: 204 }) });
    const { user } = renderApp('/reset-password?token=tok123');
    await fill(user, 'a new secret');
    expect(await screen.findByTestId('login-email')).toBeInTheDocument();
    expect(screen.getByTestId('toast')).toHaveTextContent(DONE);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({
      token: 'tok123',
      newPassword: 'a new secret',
    });
  });

  it('logs a logged-in user out locally after the reset', async () => {
    useAuth.setState({ user: ada });
    const pending = deferred<Response>();
    stubFetch({ 'POST /api/auth/reset-password': () => pending.promise });
    const { user } = renderApp('/reset-password?token=tok123');
    expect(screen.queryByTestId('chat-shell')).not.toBeInTheDocument();
    await fill(user, 'a new secret');
    expect(screen.getByTestId('reset-submit')).toBeDisabled();
    pending.resolve(new Response(null, { status: 204 }));
    expect(await screen.findByTestId('login-email')).toBeInTheDocument();
    expect(useAuth.getState().user).toBeNull();
    expect(screen.getByTestId('toast')).toHaveTextContent(DONE);
  });

  it('explains an invalid_token and offers a new link', async () => {
    stubFetch({
      'POST /api/auth/reset-password': apiError(
        400,
        'invalid_token',
        'This reset link is unknown, expired or already used. Ask for a new one.',
      ),
    });
    const { user } = renderApp('/reset-password?token=used');
    await fill(user, 'a new secret');
    expect(await screen.findByTestId('reset-invalid')).toHaveTextContent(/unknown, expired or already used/);
    expect(screen.queryByTestId('reset-submit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('reset-request-new'));
    expect(screen.getByTestId('forgot-email')).toBeInTheDocument();
  });

  it.each(['/reset-password', '/reset-password?token=', '/reset-password?token=%20'])(
    'shows the invalid link explanation for %s without calling the API',
    (path) => {
      const fetchMock = stubFetch({});
      renderApp(path);
      expect(screen.getByTestId('reset-invalid')).toHaveTextContent(/unknown, expired or already used/);
      expect(screen.getByTestId('reset-request-new')).toHaveAttribute('href', '/forgot-password');
      expect(screen.queryByTestId('reset-password')).not.toBeInTheDocument();
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );

  it('shows the server password error on the field', async () => {
    stubFetch({
      'POST /api/auth/reset-password': apiError(400, 'validation_failed', 'Invalid input', {
        newPassword: 'Password must be at most 128 characters',
      }),
    });
    const { user } = renderApp('/reset-password?token=tok123');
    await fill(user, 'a new secret');
    expect(await screen.findByTestId('error-newPassword')).toHaveTextContent('at most 128');
    expect(screen.queryByTestId('reset-invalid')).not.toBeInTheDocument();
  });
});
