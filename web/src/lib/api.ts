import type { FieldErrors, SearchPage } from './types';

/** Every failed request surfaces as one of these (thrown by `api.*`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const NETWORK_ERROR_MESSAGE = "Can't reach the server. Check your connection and try again.";
export const GENERIC_ERROR_MESSAGE = 'Something went wrong. Please try again.';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFields(value: unknown): FieldErrors {
  const fields: FieldErrors = {};
  if (!isRecord(value)) return fields;
  for (const [name, message] of Object.entries(value)) {
    if (typeof message === 'string' && message.length > 0) fields[name] = message;
  }
  return fields;
}

/** Turns a non-2xx response body into an ApiError (envelope `{"error":{code,message,fields}}`). */
export function toApiError(status: number, body: unknown): ApiError {
  const envelope = isRecord(body) ? body.error : undefined;
  if (isRecord(envelope) && typeof envelope.code === 'string') {
    const message =
      typeof envelope.message === 'string' && envelope.message.length > 0
        ? envelope.message
        : GENERIC_ERROR_MESSAGE;
    return new ApiError(status, envelope.code, message, parseFields(envelope.fields));
  }
  return new ApiError(status, 'http_error', `${GENERIC_ERROR_MESSAGE} (HTTP ${status})`);
}

/** The one fetch wrapper. Resolves with parsed JSON (or null for 204 / empty body). */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response: Response;
  let text: string;
  try {
    response = await fetch(path, init);
    text = response.status === 204 ? '' : await response.text();
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
  }

  let parsed: unknown = null;
  let parseFailed = false;
  if (text.trim().length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parseFailed = true;
    }
  }

  if (!response.ok) throw toApiError(response.status, parsed);
  if (parseFailed) {
    throw new ApiError(response.status, 'invalid_response', GENERIC_ERROR_MESSAGE);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Normalises anything caught into an ApiError. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'unknown_error', GENERIC_ERROR_MESSAGE);
}

/** GET /api/search/messages: one page of hits; `conversationId` limits it to one conversation. */
export function searchMessages(q: string, options: { conversationId?: string | null; cursor?: string | null; limit?: number } = {}) {
  const params = new URLSearchParams({ q });
  if (options.conversationId) params.set('conversationId', options.conversationId);
  if (options.cursor) params.set('cursor', options.cursor);
  if (options.limit) params.set('limit', String(options.limit));
  return api.get<SearchPage>(`/api/search/messages?${params.toString()}`);
}
