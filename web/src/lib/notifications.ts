/**
 * A thin wrapper over the browser's Notification API. It reads `globalThis.Notification` on every call, so a
 * test can put a fake in its place, and it never throws (some browsers only allow notifications from a service worker).
 */

/** The browser's answer, or 'unsupported' when it has no Notification API. */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

export interface ShownNotification {
  title: string;
  body: string;
  /** One notification per tag: a burst in one conversation replaces the previous one. */
  tag: string;
  icon: string;
  onClick: () => void;
}

function api(): typeof Notification | null {
  const n = (globalThis as { Notification?: typeof Notification }).Notification;
  return typeof n === 'function' ? n : null;
}

export function notificationPermission(): NotificationPermissionState {
  return api()?.permission ?? 'unsupported';
}

/** Asks the browser (only ever from a user's click: browsers ignore or penalise asking on load). */
export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  const n = api();
  if (!n) return 'unsupported';
  try {
    return await n.requestPermission();
  } catch {
    return n.permission;
  }
}

/** Shows one notification; false when the browser refused (no permission, or no page notifications). */
export function showNotification({ title, body, tag, icon, onClick }: ShownNotification): boolean {
  const n = api();
  if (!n || n.permission !== 'granted') return false;
  try {
    const shown = new n(title, { body, tag, icon });
    shown.onclick = () => {
      onClick();
      shown.close();
    };
    return true;
  } catch {
    return false;
  }
}
