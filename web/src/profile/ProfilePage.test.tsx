import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../store/auth';
import { useConversations } from '../store/conversations';
import { conversation } from '../test/chat';
import { FakeXMLHttpRequest, imageFile } from '../test/fakeXhr';
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

describe('ProfilePage avatar', () => {
  const withPhoto = { ...ada, avatarUrl: '/api/media/av1' };

  it('uploads a new photo: preview, progress, then the user (and the navbar) update', async () => {
    stubFetch({});
    useConversations.getState().upsert(conversation('a'));
    const { user } = renderApp('/profile');
    expect(within(screen.getByTestId('user-menu')).queryByTestId('user-menu-avatar')).not.toBeInTheDocument();
    expect(screen.queryByTestId('avatar-remove')).not.toBeInTheDocument();
    const input = screen.getByTestId('avatar-file-input');
    expect(input).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp,image/gif');
    const click = vi.spyOn(input, 'click');
    await user.click(screen.getByTestId('avatar-upload'));
    expect(click).toHaveBeenCalled();

    await user.upload(input, imageFile('me.jpg', 'image/jpeg'));
    const preview = screen.getByTestId('avatar-preview');
    expect(preview.getAttribute('src')).toMatch(/^blob:/);
    expect(preview).toHaveClass('object-cover'); // square, center-cropped
    expect(FakeXMLHttpRequest.instances).toHaveLength(0); // nothing sent before Save

    await user.click(screen.getByTestId('avatar-save'));
    const xhr = FakeXMLHttpRequest.last();
    expect([xhr.method, xhr.url, xhr.file()?.name]).toEqual(['PUT', '/api/users/me/avatar', 'me.jpg']);
    expect(screen.getByTestId('avatar-save')).toBeDisabled();
    act(() => xhr.progress(600, 1000));
    expect(screen.getByTestId('avatar-upload-progress')).toHaveAttribute('value', '60');

    await act(async () => xhr.respond(200, { user: withPhoto }));
    expect(screen.getByTestId('toast')).toHaveTextContent('Profile photo updated');
    expect(useAuth.getState().user?.avatarUrl).toBe('/api/media/av1');
    expect(screen.getByTestId('user-menu-avatar')).toHaveAttribute('src', '/api/media/av1');
    expect(screen.queryByTestId('avatar-preview')).not.toBeInTheDocument();
    expect(screen.queryByTestId('avatar-upload-progress')).not.toBeInTheDocument();
    expect(screen.getByTestId('avatar-remove')).toBeInTheDocument();
    // My entry in the chat member lists follows too.
    expect(useConversations.getState().byId.a.members.find((m) => m.id === '1')?.avatarUrl).toBe('/api/media/av1');
  });

  it('cancel drops the chosen photo without uploading', async () => {
    const { user } = renderApp('/profile');
    await user.upload(screen.getByTestId('avatar-file-input'), imageFile());
    await user.click(screen.getByTestId('avatar-cancel'));
    expect(screen.queryByTestId('avatar-preview')).not.toBeInTheDocument();
    expect(screen.getByTestId('avatar-upload')).toBeInTheDocument();
    expect(FakeXMLHttpRequest.instances).toHaveLength(0);
  });

  it('rejects a too large or unsupported file before uploading', async () => {
    const { user } = renderApp('/profile');
    await user.upload(screen.getByTestId('avatar-file-input'), imageFile('big.png', 'image/png', 11 * 1024 * 1024));
    expect(screen.queryByTestId('avatar-preview')).not.toBeInTheDocument();
    expect(screen.getByTestId('toast')).toHaveTextContent('The limit is 10 MB');

    const noAccept = userEvent.setup({ applyAccept: false });
    await noAccept.upload(screen.getByTestId('avatar-file-input'), imageFile('a.bmp', 'image/bmp'));
    expect(screen.queryByTestId('avatar-preview')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('toast').at(-1)).toHaveTextContent('Only JPEG, PNG, WebP and GIF');
    expect(FakeXMLHttpRequest.instances).toHaveLength(0);
  });

  it('toasts a server refusal and keeps the preview to try again', async () => {
    const { user } = renderApp('/profile');
    await user.upload(screen.getByTestId('avatar-file-input'), imageFile());
    await user.click(screen.getByTestId('avatar-save'));
    await act(async () =>
      FakeXMLHttpRequest.last().respond(422, { error: { code: 'invalid_image', message: 'That image could not be read.' } }),
    );
    expect(screen.getByTestId('toast')).toHaveTextContent('That image could not be read.');
    expect(useAuth.getState().user?.avatarUrl).toBeNull();
    expect(screen.getByTestId('avatar-preview')).toBeInTheDocument();
    expect(screen.getByTestId('avatar-save')).toBeEnabled();
  });

  it('removes the photo', async () => {
    useAuth.setState({ user: withPhoto });
    const fetchMock = stubFetch({ 'DELETE /api/users/me/avatar': json(200, { user: { ...withPhoto, avatarUrl: null } }) });
    const { user } = renderApp('/profile');
    expect(screen.getByTestId('user-menu-avatar')).toHaveAttribute('src', '/api/media/av1');
    await user.click(screen.getByTestId('avatar-remove'));
    expect(await screen.findByText('Profile photo removed')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(useAuth.getState().user?.avatarUrl).toBeNull();
    expect(screen.queryByTestId('user-menu-avatar')).not.toBeInTheDocument();
    expect(screen.queryByTestId('avatar-remove')).not.toBeInTheDocument();
  });
});
