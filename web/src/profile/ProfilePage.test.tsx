import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuth } from '../store/auth';
import { ada, apiError, deferred, json, stubFetch } from '../test/http';
import { renderApp } from '../test/render';

beforeEach(() => {
  useAuth.setState({ user: ada, session: { loading: false, error: null } });
});

describe('ProfilePage', () => {
  it('shows the user details with initials for a missing avatar', () => {
    renderApp('/profile');
    expect(screen.getByTestId('profile-fullName')).toHaveValue('Ada Lovelace');
    expect(screen.getByTestId('profile-bio')).toHaveValue('First programmer.');
    expect(screen.getByTestId('profile-email')).toHaveValue('ada@example.com');
    expect(screen.getByTestId('profile-email')).toHaveAttribute('readonly');
    expect(screen.getByTestId('profile-member-since')).toHaveTextContent('2024');
    expect(screen.getAllByText('AL').length).toBeGreaterThan(0);
    expect(screen.getByTestId('profile-bio-count')).toHaveTextContent('17/200');
  });

  it('counts bio characters and blocks a bio over 200', async () => {
    const fetchMock = stubFetch({});
    const { user } = renderApp('/profile');
    const bio = screen.getByTestId('profile-bio');
    await user.clear(bio);
    await user.click(bio);
    await user.paste('x'.repeat(201));
    expect(screen.getByTestId('profile-bio-count')).toHaveTextContent('201/200');
    await user.click(screen.getByTestId('profile-save'));
    expect(screen.getByTestId('error-bio')).toHaveTextContent(/at most 200/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('saves, updates the user and shows a success toast', async () => {
    const pending = deferred<Response>();
    const fetchMock = stubFetch({ 'PATCH /api/users/me': () => pending.promise });
    const { user } = renderApp('/profile');
    const name = screen.getByTestId('profile-fullName');
    await user.clear(name);
    await user.type(name, '  Augusta Ada  ');
    await user.click(screen.getByTestId('profile-save'));
    expect(screen.getByTestId('profile-save')).toBeDisabled();
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({
      fullName: 'Augusta Ada',
      bio: 'First programmer.',
    });

    pending.resolve(json(200, { user: { ...ada, fullName: 'Augusta Ada' } }));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Profile saved');
    expect(useAuth.getState().user?.fullName).toBe('Augusta Ada');
    expect(screen.getByTestId('profile-fullName')).toHaveValue('Augusta Ada');
    expect(screen.getByTestId('profile-save')).toBeEnabled();
  });

  it('shows server field errors inline', async () => {
    stubFetch({
      'PATCH /api/users/me': apiError(400, 'validation_failed', 'Invalid input', { fullName: 'Name is reserved' }),
    });
    const { user } = renderApp('/profile');
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('error-fullName')).toHaveTextContent('Name is reserved');
  });

  it('changes the password and clears the form', async () => {
    const fetchMock = stubFetch({ 'PUT /api/auth/password': new Response(null, { status: 204 }) });
    const { user } = renderApp('/profile');
    await user.type(screen.getByTestId('password-current'), 'old password');
    await user.type(screen.getByTestId('password-new'), 'new password{Enter}');
    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({
      currentPassword: 'old password',
      newPassword: 'new password',
    });
    expect(screen.getByTestId('password-current')).toHaveValue('');
    expect(screen.getByTestId('password-new')).toHaveValue('');
  });

  it('shows a wrong current password on the current password field', async () => {
    stubFetch({ 'PUT /api/auth/password': apiError(401, 'invalid_credentials', 'Wrong email or password') });
    const { user } = renderApp('/profile');
    await user.type(screen.getByTestId('password-current'), 'bad password');
    await user.type(screen.getByTestId('password-new'), 'new password');
    await user.click(screen.getByTestId('password-submit'));
    expect(await screen.findByTestId('error-currentPassword')).toHaveTextContent('Current password is incorrect');
    expect(screen.getByTestId('password-current')).toHaveValue('bad password');
    expect(useAuth.getState().user).toEqual(ada);
  });

  it('sends the user to /login when the session has expired', async () => {
    stubFetch({ 'PATCH /api/users/me': apiError(401, 'unauthenticated', 'Not logged in') });
    const { user } = renderApp('/profile');
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('login-email')).toBeInTheDocument();
    expect(screen.getByTestId('toast')).toHaveTextContent(/session has expired/i);
  });
});
