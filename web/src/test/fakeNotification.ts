import { vi } from 'vitest';

/** Stands in for window.Notification: records what was shown; the test decides the permission and the prompt's answer. */
export class FakeNotification {
  static permission: NotificationPermission = 'default';
  static answer: NotificationPermission = 'granted';
  static shown: FakeNotification[] = [];
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = FakeNotification.answer;
    return FakeNotification.answer;
  });

  readonly title: string;
  readonly options: NotificationOptions;
  onclick: ((e: Event) => void) | null = null;
  closed = false;

  constructor(title: string, options: NotificationOptions = {}) {
    this.title = title;
    this.options = options;
    FakeNotification.shown.push(this);
  }

  close() {
    this.closed = true;
  }

  click() {
    this.onclick?.(new Event('click'));
  }

  /** Installs a fresh fake with this permission as window.Notification. */
  static install(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
    FakeNotification.permission = permission;
    FakeNotification.answer = answer;
    FakeNotification.shown = [];
    FakeNotification.requestPermission.mockClear();
    vi.stubGlobal('Notification', FakeNotification);
  }
}
