import { useEffect } from 'react';
import { notificationsActive, useNotifications } from '../store/notifications';

const HELP: Record<string, string> = {
  unsupported: 'This browser cannot show notifications.',
  denied:
    'Notifications are blocked for Echos in this browser. Allow them in the site settings (the icon left of the address), then turn this on.',
};

/** "Desktop notifications" for this browser: turning it on is what asks the browser for permission. */
export function NotificationSettings() {
  const state = useNotifications();
  const checked = notificationsActive(state);
  const blocked = state.permission === 'denied' || state.permission === 'unsupported';

  // The permission may have changed in the browser's site settings since the page loaded.
  useEffect(() => {
    useNotifications.getState().refreshPermission();
    const onFocus = () => useNotifications.getState().refreshPermission();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  return (
    <section className="card bg-base-100 shadow-sm" aria-labelledby="notifications-heading">
      <div className="card-body p-5 sm:p-8 gap-4">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          Notifications
        </h2>
        <label className={`flex items-start justify-between gap-4 ${blocked ? 'cursor-not-allowed' : 'cursor-pointer'}`}>
          <span>
            <span className="block font-medium">Desktop notifications</span>
            <span id="notifications-help" className="block text-sm text-base-content/60">
              On this browser, show a notification for new messages in conversations you are not looking at. Muted
              conversations stay quiet.
            </span>
            {HELP[state.permission] && (
              <span className="block text-sm text-warning mt-1" role="status" data-testid="notifications-blocked">
                {HELP[state.permission]}
              </span>
            )}
          </span>
          <input
            type="checkbox"
            role="switch"
            className="toggle toggle-primary mt-1"
            data-testid="notifications-switch"
            aria-describedby="notifications-help"
            checked={checked}
            aria-checked={checked}
            disabled={blocked || state.requesting}
            aria-busy={state.requesting}
            onChange={(e) => void state.setEnabled(e.target.checked)}
          />
        </label>
      </div>
    </section>
  );
}
