import { describe, expect, it, vi } from 'vitest';
import { FakeXMLHttpRequest, imageFile } from '../test/fakeXhr';
import { ApiError } from './api';
import { uploadErrorMessage, uploadFile } from './upload';

describe('uploadFile', () => {
  it('sends the file as multipart field "file", reports progress and resolves with the JSON answer', async () => {
    const onProgress = vi.fn();
    const { promise } = uploadFile<{ id: string }>('POST', '/api/media', imageFile('cat.png'), onProgress);
    const xhr = FakeXMLHttpRequest.last();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/media');
    expect(xhr.headers.Accept).toBe('application/json');
    expect(xhr.headers['Content-Type']).toBeUndefined(); // the browser sets the multipart boundary
    expect(xhr.file()?.name).toBe('cat.png');

    xhr.progress(512, 2048);
    expect(onProgress).toHaveBeenLastCalledWith(0.25);
    xhr.respond(201, { id: 'img1' });
    await expect(promise).resolves.toEqual({ id: 'img1' });
    expect(onProgress).toHaveBeenLastCalledWith(1);
  });

  it("rejects with the server's error", async () => {
    const { promise } = uploadFile('PUT', '/api/users/me/avatar', imageFile());
    FakeXMLHttpRequest.last().respond(415, {
      error: { code: 'unsupported_media_type', message: 'Only JPEG, PNG, WebP and GIF images are supported.' },
    });
    const err = await promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 415, code: 'unsupported_media_type', message: 'Only JPEG, PNG, WebP and GIF images are supported.' });
  });

  it('explains a bare 413 and a network failure', async () => {
    const big = uploadFile('POST', '/api/media', imageFile());
    FakeXMLHttpRequest.last().respond(413, '<html>Request Entity Too Large</html>');
    await expect(big.promise).rejects.toMatchObject({ status: 413, code: 'too_large', message: expect.stringMatching(/10 MB/) });

    const offline = uploadFile('POST', '/api/media', imageFile());
    FakeXMLHttpRequest.last().networkError();
    await expect(offline.promise).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('can be aborted', async () => {
    const { promise, abort } = uploadFile('POST', '/api/media', imageFile());
    abort();
    expect(FakeXMLHttpRequest.last().aborted).toBe(true);
    await expect(promise).rejects.toMatchObject({ code: 'aborted' });
  });

  it('prefers the field message of a validation error', () => {
    expect(uploadErrorMessage(new ApiError(400, 'validation_failed', 'Invalid input', { file: 'Attach an image.' }))).toBe('Attach an image.');
    expect(uploadErrorMessage(new ApiError(422, 'invalid_image', 'That image could not be read.'))).toBe('That image could not be read.');
  });
});
