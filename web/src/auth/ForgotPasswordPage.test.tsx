import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuth } from '../store/auth';
import { apiError, deferred, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

const SENT = 'If an account exists for that email, we sent a link to reset your password.';

beforeEach(() => {
  useAuth.setState({ session: { loading: false, error: null } });
});

async function send(user: ReturnType<typeof renderApp>['user'], email: string) {
  await user.clear(screen.getByTestId('forgot-email'));
  await user.type(screen.getByTestId('forgot-email'), email);
  await user.click(screen.getByTestId('forgot-submit'));
}

describe('ForgotPasswordPage', () => {
  it('focuses the email field', () => {
    renderApp('/forgot-password');
    expect(screen.getByTestId('forgot-email')).toHaveFocus();
    expect(screen.getByTestId('forgot-submit')).toHaveTextContent('Send reset link');
  });

  it('shows the same confirmation for every 202, in place of the form', async () => {
    const fetchMock = stubFetch({
      'POST /api/auth/forgot-password': [
        json(202, { message: 'If an account exists for that email, we sent a link to reset the password.' }),
        json(202, { message: 'something else entirely' }),
      ],
    });
    const { user } = renderApp('/forgot-password');
    await send(user, '  ada@example.com ');
    const sent = await screen.findByTestId('forgot-sent');
    expect(sent).toHaveTextContent(SENT);
    expect(screen.queryByTestId('forgot-email')).not.toBeInTheDocument();
    expect(screen.queryByTestId('forgot-submit')).not.toBeInTheDocument();
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ email: 'ada@example.com' });
    const first = sent.textContent;

    // Another address (that may not exist) gets exactly the same answer.
    await user.click(screen.getByTestId('forgot-change-email'));
    expect(screen.getByTestId('forgot-email')).toHaveValue('ada@example.com');
    await send(user, 'nobody@example.com');
    expect((await screen.findByTestId('forgot-sent')).textContent).toBe(first);
    expect(screen.getByTestId('back-to-login')).toHaveAttribute('href', '/login');
  });

  it('can send the link again from the confirmation', async () => {
    const fetchMock = stubFetch({ 'POST /api/auth/forgot-password': json(202, { message: 'ok' }) });
    const { user } = renderApp('/forgot-password');
    await send(user, 'ada@example.com');
    await user.click(await screen.findByTestId('forgot-resend'));
    expect(await screen.findByTestId('toast')).toHaveTextContent(/another link/i);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetchMock.mock.calls[1][1]!.body as string)).toEqual({ email: 'ada@example.com' });
    expect(screen.getByTestId('forgot-sent')).toHaveTextContent(SENT);
  });

  it('shows the field error returned for a 400', async () => {
    stubFetch({
      'POST /api/auth/forgot-password': apiError(400, 'validation_failed', 'Invalid input', {
        email: 'Enter a valid email address',
      }),
    });
    const { user } = renderApp('/forgot-password');
    await send(user, 'ada@example.com');
    expect(await screen.findByTestId('error-email')).toHaveTextContent('Enter a valid email address');
    expect(screen.getByTestId('forgot-email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('forgot-sent')).not.toBeInTheDocument();
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();

    await user.type(screen.getByTestId('forgot-email'), 'x');
    expect(screen.queryByTestId('error-email')).not.toBeInTheDocument();
  });

  it('checks the email before sending anything', async () => {
    const fetchMock = stubFetch({});
    const { user } = renderApp('/forgot-password');
    await user.click(screen.getByTestId('forgot-submit'));
    expect(screen.getByTestId('error-email')).toHaveTextContent(/required/i);
    await send(user, 'not-an-email');
    expect(screen.getByTestId('error-email')).toHaveTextContent(/valid email/i);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    [429, 'rate_limited', 'Too many reset requests. Try again in 20 minutes.'],
    [503, 'email_unavailable', 'Password reset by email is not available on this server.'],
  ])('shows a %i inside the form', async (status, code, message) => {
    stubFetch({ 'POST /api/auth/forgot-password': apiError(status, code, message) });
    const { user } = renderApp('/forgot-password');
    await send(user, 'ada@example.com');
    const alert = await screen.findByTestId('forgot-error');
    expect(alert).toHaveTextContent(message);
    expect(screen.queryByTestId('forgot-sent')).not.toBeInTheDocument();
    expect(screen.getByTestId('forgot-submit')).toBeEnabled();
  });

  it('shows a rate limit hit while sending again on the confirmation', async () => {
    stubFetch({
      'POST /api/auth/forgot-password': [
        json(202, { message: 'ok' }),
        apiError(429, 'rate_limited', 'Too many reset requests. Try again in 20 minutes.'),
      ],
    });
    const { user } = renderApp('/forgot-password');
    await send(user, 'ada@example.com');
    await user.click(await screen.findByTestId('forgot-resend'));
    expect(await screen.findByTestId('forgot-error')).toHaveTextContent('Try again in 20 minutes');
    expect(screen.getByTestId('forgot-sent')).toBeInTheDocument();
  });

  it('disables the button with a spinner while sending', async () => {
    const pending = deferred<Response>();
    stubFetch({ 'POST /api/auth/forgot-password': () => pending.promise });
    const { user } = renderApp('/forgot-password');
    await send(user, 'ada@example.com');
    const button = screen.getByTestId('forgot-submit');
    expect(button).toBeDisabled();
    expect(button.querySelector('.loading')).not.toBeNull();
    pending.resolve(json(202, { message: 'ok' }));
    expect(await screen.findByTestId('forgot-sent')).toBeInTheDocument();
  });

  it('is reached from the login page with the email already filled in', async () => {
    const { user } = renderApp('/login');
    await user.type(screen.getByTestId('login-email'), 'ada@example.com');
    await user.click(screen.getByTestId('forgot-password-link'));
    expect(screen.getByTestId('forgot-email')).toHaveValue('ada@example.com');
    await user.click(within(screen.getByRole('main')).getByRole('link', { name: /back to log in/i }));
    expect(screen.getByTestId('login-email')).toBeInTheDocument();
  });
});
