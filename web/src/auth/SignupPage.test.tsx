import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuth } from '../store/auth';
import { ada, apiError, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ session: { loading: false, error: null } });
});

async function fill(user: ReturnType<typeof renderApp>['user']) {
  await user.type(screen.getByTestId('signup-fullName'), 'Ada Lovelace');
  await user.type(screen.getByTestId('signup-email'), 'ada@example.com');
  await user.type(screen.getByTestId('signup-password'), 'correct horse');
}

describe('SignupPage', () => {
  it('focuses the full name field first', () => {
    renderApp('/signup');
    expect(screen.getByTestId('signup-fullName')).toHaveFocus();
  });

  it('shows email_taken as an error on the email field', async () => {
    stubFetch({ 'POST /api/auth/signup': apiError(409, 'email_taken', 'That email is already registered') });
    const { user } = renderApp('/signup');
    await fill(user);
    await user.click(screen.getByTestId('signup-submit'));
    expect(await screen.findByTestId('error-email')).toHaveTextContent('That email is already registered');
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('validates password length before sending', async () => {
    const fetchMock = stubFetch({});
    const { user } = renderApp('/signup');
    await user.type(screen.getByTestId('signup-fullName'), 'Ada');
    await user.type(screen.getByTestId('signup-email'), 'ada@example.com');
    await user.type(screen.getByTestId('signup-password'), '1234567{Enter}');
    expect(screen.getByTestId('error-password')).toHaveTextContent(/at least 8/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('creates the account and opens the chat shell', async () => {
    stubFetch({ 'POST /api/auth/signup': json(201, { user: ada, token: 't' }) });
    const { user } = renderApp('/signup');
    await fill(user);
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('chat-shell')).toBeInTheDocument();
  });
});
