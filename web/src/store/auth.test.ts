import { describe, expect, it } from 'vitest';
import { ada, apiError, deferred, json, stubFetch } from '../test/http';
import { useAuth } from './auth';
import { useToasts } from './toast';

const valid = { email: 'ada@example.com', password: 'correct horse' };

describe('auth store', () => {
  it('starts in the loading state, logged out', () => {
    expect(useAuth.getState().user).toBeNull();
    expect(useAuth.getState().session.loading).toBe(true);
  });

  it('login success sets the user', async () => {
    const fetchMock = stubFetch({ 'POST /api/auth/login': json(200, { user: ada, token: 't' }) });
    await expect(useAuth.getState().login({ ...valid, email: '  ada@example.com ' })).resolves.toBe(true);
    const s = useAuth.getState();
    expect(s.user).toEqual(ada);
    expect(s.loginForm).toEqual({ loading: false, error: null, fieldErrors: {} });
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({
      email: 'ada@example.com',
      password: 'correct horse',
    });
  });

  it('is loading while the login request runs', async () => {
    const pending = deferred<Response>();
    stubFetch({ 'POST /api/auth/login': () => pending.promise });
    const done = useAuth.getState().login(valid);
    expect(useAuth.getState().loginForm.loading).toBe(true);
    pending.resolve(json(200, { user: ada, token: 't' }));
    await done;
    expect(useAuth.getState().loginForm.loading).toBe(false);
  });

  it('login 401 sets an inline error and no user', async () => {
    stubFetch({ 'POST /api/auth/login': apiError(401, 'invalid_credentials', 'Wrong email or password') });
    await expect(useAuth.getState().login(valid)).resolves.toBe(false);
    const s = useAuth.getState();
    expect(s.user).toBeNull();
    expect(s.loginForm.loading).toBe(false);
    expect(s.loginForm.error).toEqual({
      code: 'invalid_credentials',
      message: 'Wrong email or password',
      display: 'inline',
    });
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('login rate limiting becomes a toast', async () => {
    stubFetch({ 'POST /api/auth/login': apiError(429, 'rate_limited', 'Too many attempts, slow down') });
    await useAuth.getState().login(valid);
    expect(useAuth.getState().loginForm.error?.display).toBe('toast');
    expect(useToasts.getState().toasts).toMatchObject([{ kind: 'error', message: 'Too many attempts, slow down' }]);
  });

  it('login validates on the client before sending anything', async () => {
    const fetchMock = stubFetch({});
    await expect(useAuth.getState().login({ email: 'nope', password: '' })).resolves.toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(Object.keys(useAuth.getState().loginForm.fieldErrors).sort()).toEqual(['email', 'password']);
  });

  it('signup success sets the user', async () => {
    stubFetch({ 'POST /api/auth/signup': json(201, { user: ada, token: 't' }) });
    await useAuth.getState().signup({ fullName: ' Ada Lovelace ', ...valid });
    expect(useAuth.getState().user).toEqual(ada);
  });

  it('signup 400 maps fields into field errors', async () => {
    stubFetch({
      'POST /api/auth/signup': apiError(400, 'validation_failed', 'Invalid input', {
        fullName: 'Name is not allowed',
        password: 'Password is too common',
      }),
    });
    await expect(useAuth.getState().signup({ fullName: 'Ada', ...valid })).resolves.toBe(false);
    const s = useAuth.getState();
    expect(s.user).toBeNull();
    expect(s.signupForm.fieldErrors).toEqual({
      fullName: 'Name is not allowed',
      password: 'Password is too common',
    });
    expect(s.signupForm.loading).toBe(false);
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('signup 409 email_taken becomes an error on the email field', async () => {
    stubFetch({ 'POST /api/auth/signup': apiError(409, 'email_taken', 'This email is already registered') });
    await useAuth.getState().signup({ fullName: 'Ada', ...valid });
    expect(useAuth.getState().signupForm.fieldErrors).toEqual({ email: 'This email is already registered' });
  });

  it('clearFieldError removes only that field', async () => {
    stubFetch({});
    await useAuth.getState().signup({ fullName: '', email: 'x', password: '' });
    useAuth.getState().clearFieldError('signupForm', 'email');
    expect(Object.keys(useAuth.getState().signupForm.fieldErrors).sort()).toEqual(['fullName', 'password']);
  });

  it('logout clears the user', async () => {
    useAuth.setState({ user: ada });
    stubFetch({ 'POST /api/auth/logout': new Response(null, { status: 204 }) });
    await useAuth.getState().logout();
    expect(useAuth.getState().user).toBeNull();
    expect(useAuth.getState().logoutState.loading).toBe(false);
  });

  it('a failed logout keeps the user and shows a toast', async () => {
    useAuth.setState({ user: ada });
    stubFetch({ 'POST /api/auth/logout': new TypeError('offline') });
    await useAuth.getState().logout();
    expect(useAuth.getState().user).toEqual(ada);
    expect(useToasts.getState().toasts).toHaveLength(1);
  });

  it('checkAuth with 200 sets the user', async () => {
    stubFetch({ 'GET /api/auth/me': json(200, { user: ada }) });
    await useAuth.getState().checkAuth();
    expect(useAuth.getState().user).toEqual(ada);
    expect(useAuth.getState().session.loading).toBe(false);
  });

  it('checkAuth with 401 ends with user null and loading false, without a toast', async () => {
    useAuth.setState({ user: ada });
    stubFetch({ 'GET /api/auth/me': apiError(401, 'unauthenticated', 'Not logged in') });
    await useAuth.getState().checkAuth();
    expect(useAuth.getState().user).toBeNull();
    expect(useAuth.getState().session).toEqual({ loading: false, error: null });
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('checkAuth with a network error stops loading and reports it', async () => {
    stubFetch({ 'GET /api/auth/me': new TypeError('offline') });
    await useAuth.getState().checkAuth();
    expect(useAuth.getState().session.loading).toBe(false);
    expect(useAuth.getState().session.error).toMatch(/can't reach the server/i);
    expect(useToasts.getState().toasts).toHaveLength(1);
  });
});
