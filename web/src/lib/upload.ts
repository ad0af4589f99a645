import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from './api';
import { IMAGE_MAX_MB } from './images';

/** The answer to POST /api/media. */
export interface UploadedMedia {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  contentType: string;
  size: number;
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  /** Stops the upload; the promise rejects with code `aborted`. */
  abort: () => void;
}

export const ABORTED = 'aborted';

/**
 * The one XMLHttpRequest wrapper (fetch cannot report upload progress): sends `file` as the
 * multipart field `file` (same origin, so the session cookie goes along) and reports progress as
 * a fraction 0..1. Failures reject with an ApiError, like `api.*`.
 */
export function uploadFile<T>(
  method: 'POST' | 'PUT',
  path: string,
  file: Blob & { name?: string },
  onProgress?: (fraction: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open(method, path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e: ProgressEvent) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      const status = xhr.status;
      if (status === 0) {
        reject(new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE));
        return;
      }
      const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
      let body: unknown = null;
      let parseFailed = false;
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch {
          parseFailed = true;
        }
      }
      if (status < 200 || status >= 300) {
        reject(uploadError(status, body));
        return;
      }
      if (parseFailed) {
        reject(new ApiError(status, 'invalid_response', 'Something went wrong. Please try again.'));
        return;
      }
      onProgress?.(1);
      resolve(body as T);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => reject(new ApiError(0, ABORTED, 'Upload cancelled.'));
    const form = new FormData();
    form.append('file', file, file.name || 'image');
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Like toApiError, but a bare 413 (e.g. from a proxy, without our JSON envelope) still reads well. */
function uploadError(status: number, body: unknown): ApiError {
  const e = toApiError(status, body);
  if (status === 413 && e.code === 'http_error') {
    return new ApiError(413, 'too_large', `That image is too large. The limit is ${IMAGE_MAX_MB} MB.`);
  }
  return e;
}

/** What to tell the user about a failed upload (a field message beats the generic "Invalid input"). */
export function uploadErrorMessage(e: ApiError): string {
  return e.fields.file ?? e.message;
}
