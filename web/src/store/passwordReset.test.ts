import { describe, expect, it } from 'vitest';
import { ada, apiError, json, stubFetch } from '../test/http';
import { useAuth } from './auth';
import { usePasswordReset } from './passwordReset';
import { useToasts } from './toast';

const store = () => usePasswordReset.getState();
const reset = { token: 'tok', newPassword: 'a new secret', confirmPassword: 'a new secret' };

describe('password reset store', () => {
  it('requestReset sends the trimmed email and resolves true on 202', async () => {
    const fetchMock = stubFetch({ 'POST /api/auth/forgot-password': json(202, { message: 'sent' }) });
    await expect(store().requestReset({ email: ' ada@example.com ' })).resolves.toBe(true);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ email: 'ada@example.com' });
    expect(store().forgotForm).toEqual({ loading: false, error: null, fieldErrors: {} });
  });

  it('requestReset keeps 429 and 503 inside the form, network errors become a toast', async () => {
    stubFetch({
      'POST /api/auth/forgot-password': [
        apiError(429, 'rate_limited', 'Wait 20 minutes'),
        apiError(503, 'email_unavailable', 'Not available'),
        new TypeError('offline'),
      ],
    });
    await expect(store().requestReset({ email: 'ada@example.com' })).resolves.toBe(false);
    expect(store().forgotForm.error).toEqual({ code: 'rate_limited', message: 'Wait 20 minutes', display: 'inline' });
    await store().requestReset({ email: 'ada@example.com' });
    expect(store().forgotForm.error?.display).toBe('inline');
    expect(useToasts.getState().toasts).toEqual([]);
    await store().requestReset({ email: 'ada@example.com' });
    expect(store().forgotForm.error?.display).toBe('toast');
    expect(useToasts.getState().toasts).toHaveLength(1);
  });

  it('resetPassword validates before sending', async () => {
    const fetchMock = stubFetch({});
    await expect(store().resetPassword({ ...reset, confirmPassword: 'other' })).resolves.toBe(false);
    expect(store().resetPasswordForm.fieldErrors).toEqual({ confirmPassword: 'Passwords do not match' });
    await store().resetPassword({ token: 'tok', newPassword: 'short', confirmPassword: '' });
    expect(Object.keys(store().resetPasswordForm.fieldErrors).sort()).toEqual(['confirmPassword', 'newPassword']);
    await store().resetPassword({ ...reset, token: '  ' });
    expect(store().resetPasswordForm.error?.code).toBe('invalid_token');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('resetPassword success logs out locally and toasts', async () => {
    useAuth.setState({ user: ada });
    const fetchMock = stubFetch({ 'POST /api/auth/reset-password': new Response(null, { status: 204 }) });
    await expect(store().resetPassword(reset)).resolves.toBe(true);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ token: 'tok', newPassword: 'a new secret' });
    expect(useAuth.getState().user).toBeNull();
    expect(store().resetPasswordForm.loading).toBe(false);
    expect(useToasts.getState().toasts).toMatchObject([
      { kind: 'success', message: 'Password changed. Log in with your new password.' },
    ]);
  });

  it('resetPassword marks an invalid_token (or a token field error) as a dead link', async () => {
    stubFetch({
      'POST /api/auth/reset-password': [
        apiError(400, 'invalid_token', 'This reset link is unknown, expired or already used. Ask for a new one.'),
        apiError(400, 'validation_failed', 'Invalid input', { token: 'Token is required' }),
      ],
    });
    await expect(store().resetPassword(reset)).resolves.toBe(false);
    expect(store().resetPasswordForm.error).toMatchObject({ code: 'invalid_token', display: 'inline' });
    store().resetForm('resetPasswordForm');
    await store().resetPassword(reset);
    expect(store().resetPasswordForm.error?.code).toBe('invalid_token');
    expect(store().resetPasswordForm.fieldErrors).toEqual({});
    expect(useToasts.getState().toasts).toEqual([]);
  });
});
