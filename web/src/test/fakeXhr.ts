/**
 * A controllable stand-in for XMLHttpRequest (uploads). Every instance is recorded in
 * `FakeXMLHttpRequest.instances`; tests drive it with progress() / respond() / networkError().
 * Installed globally by test/setup.ts so no test touches the network.
 */
export class FakeXMLHttpRequest {
  static instances: FakeXMLHttpRequest[] = [];

  static last(): FakeXMLHttpRequest {
    const xhr = FakeXMLHttpRequest.instances[FakeXMLHttpRequest.instances.length - 1];
    if (!xhr) throw new Error('no XMLHttpRequest was created');
    return xhr;
  }

  static reset() {
    FakeXMLHttpRequest.instances = [];
  }

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  sent = false;
  aborted = false;
  status = 0;
  readyState = 0;
  responseText = '';
  withCredentials = false;
  upload: { onprogress: ((ev: ProgressEvent) => void) | null } = { onprogress: null };
  onload: ((ev: Event) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  ontimeout: ((ev: Event) => void) | null = null;
  onabort: ((ev: Event) => void) | null = null;

  constructor() {
    FakeXMLHttpRequest.instances.push(this);
  }

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body?: unknown) {
    this.body = body ?? null;
    this.sent = true;
  }

  abort() {
    if (this.readyState === 4) return;
    this.aborted = true;
    this.readyState = 4;
    this.onabort?.(new Event('abort'));
  }

  // --- driven by tests ---

  /** The `file` part of the multipart body. */
  file(): File | null {
    return this.body instanceof FormData ? (this.body.get('file') as File | null) : null;
  }

  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }

  respond(status: number, body?: unknown) {
    this.status = status;
    this.responseText = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    this.readyState = 4;
    this.onload?.(new Event('load'));
  }

  networkError() {
    this.status = 0;
    this.readyState = 4;
    this.onerror?.(new Event('error'));
  }
}

/** An image File of a given type and (reported) size. */
export function imageFile(name = 'photo.png', type = 'image/png', size = 2048): File {
  const file = new File([new Uint8Array(Math.min(size, 64))], name, { type });
  if (size !== file.size) Object.defineProperty(file, 'size', { value: size });
  return file;
}
