import { describe, expect, it } from 'vitest';
import { apiError, json, stubFetch } from '../test/http';
import { api, ApiError, NETWORK_ERROR_MESSAGE } from './api';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('api', () => {
  it('sends JSON with same-origin credentials and returns the parsed body', async () => {
    const fetchMock = stubFetch({ 'POST /api/auth/login': json(200, { user: { id: 1 } }) });
    await expect(api.post('/api/auth/login', { email: 'a@b.co', password: 'pw' })).resolves.toEqual({
      user: { id: 1 },
    });
    const [, init] = fetchMock.mock.calls[0];
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"email":"a@b.co","password":"pw"}' });
    expect((init!.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('does not send a body or content type on GET', async () => {
    const fetchMock = stubFetch({ 'GET /api/auth/me': json(200, { user: null }) });
    await api.get('/api/auth/me');
    const [, init] = fetchMock.mock.calls[0];
    expect(init!.body).toBeUndefined();
    expect(init!.credentials).toBe('same-origin');
    expect((init!.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('sends DELETE without a body', async () => {
    const fetchMock = stubFetch({ 'DELETE /api/conversations/c1/members/u2': new Response(null, { status: 204 }) });
    await expect(api.delete('/api/conversations/c1/members/u2')).resolves.toBeNull();
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: 'DELETE', credentials: 'same-origin' });
    expect(fetchMock.mock.calls[0][1]!.body).toBeUndefined();
  });

  it('returns null for 204 No Content', async () => {
    stubFetch({ 'POST /api/auth/logout': new Response(null, { status: 204 }) });
    await expect(api.post('/api/auth/logout')).resolves.toBeNull();
  });

  it('parses the error envelope including fields', async () => {
    stubFetch({
      'POST /api/auth/signup': apiError(400, 'validation_failed', 'Invalid input', {
        email: 'Not an email',
        password: 'Too short',
      }),
    });
    const err = await caught(api.post('/api/auth/signup', {}));
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('Invalid input');
    expect(err.fields).toEqual({ email: 'Not an email', password: 'Too short' });
  });

  it('treats missing or malformed fields as no field errors', async () => {
    stubFetch({ 'POST /api/auth/login': json(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password', fields: null } }) });
    const err = await caught(api.post('/api/auth/login', {}));
    expect(err).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'Wrong email or password', fields: {} });
  });

  it('turns a non-JSON error body into a generic error', async () => {
    stubFetch({ 'GET /api/auth/me': new Response('<html>Bad gateway</html>', { status: 502 }) });
    const err = await caught(api.get('/api/auth/me'));
    expect(err.status).toBe(502);
    expect(err.code).toBe('http_error');
    expect(err.message).toMatch(/something went wrong/i);
    expect(err.fields).toEqual({});
  });

  it('turns JSON without the envelope into a generic error', async () => {
    stubFetch({ 'GET /api/auth/me': json(500, { message: 'boom' }) });
    const err = await caught(api.get('/api/auth/me'));
    expect(err).toMatchObject({ status: 500, code: 'http_error' });
  });

  it('rejects a 2xx response whose body is not JSON', async () => {
    stubFetch({ 'GET /api/auth/me': new Response('not json', { status: 200 }) });
    const err = await caught(api.get('/api/auth/me'));
    expect(err.code).toBe('invalid_response');
  });

  it('maps a network failure to network_error', async () => {
    stubFetch({ 'GET /api/auth/me': new TypeError('Failed to fetch') });
    const err = await caught(api.get('/api/auth/me'));
    expect(err).toMatchObject({ status: 0, code: 'network_error', message: NETWORK_ERROR_MESSAGE });
  });
});
