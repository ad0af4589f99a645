import { useAuth } from '../store/auth';
import { showsOnline, usePrivacy } from '../store/privacy';

/** The "Show when I'm online" switch; the server decides who is told, this only stores the choice. */
export function PrivacySettings() {
  const user = useAuth((s) => s.user);
  const form = usePrivacy((s) => s.showOnlineForm);
  const setShowOnline = usePrivacy((s) => s.setShowOnline);
  const checked = showsOnline(user);

  return (
    <section className="card bg-base-100 shadow-sm" aria-labelledby="privacy-heading">
      <div className="card-body p-5 sm:p-8 gap-4">
        <h2 id="privacy-heading" className="text-lg font-semibold">
          Privacy
        </h2>
        <label className="flex items-start justify-between gap-4 cursor-pointer">
          <span>
            <span className="block font-medium">Show when I'm online</span>
            <span id="show-online-help" className="block text-sm text-base-content/60">
              Only people you share a group with, or have exchanged messages with, can see it. Turn it off to appear
              offline to everyone: no last seen, no typing indicator.
            </span>
          </span>
          <input
            type="checkbox"
            role="switch"
            className="toggle toggle-primary mt-1"
            data-testid="show-online-switch"
            aria-describedby="show-online-help"
            checked={checked}
            aria-checked={checked}
            disabled={form.loading}
            aria-busy={form.loading}
            onChange={(e) => void setShowOnline(e.target.checked)}
          />
        </label>
      </div>
    </section>
  );
}
