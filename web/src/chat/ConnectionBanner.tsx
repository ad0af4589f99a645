import { WifiOffIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import { isOffline, useOffline } from '../lib/offline';
import { useConnection } from '../store/realtime';

/** Shown only while the socket is not open; says plainly when we are offline and showing saved messages. */
export function ConnectionBanner() {
  const state = useConnection((s) => s.state);
  const offline = useOffline((o) => isOffline(o.browserOnline, o.serverReachable, state));
  if (offline) {
    return (
      <div
        role="status"
        className="flex items-center justify-center gap-2 px-3 py-1.5 text-sm shrink-0 bg-warning text-warning-content"
        data-testid="connection-banner"
        data-state="offline"
      >
        <WifiOffIcon className="size-4" />
        <span>
          You're offline — showing saved messages.
          <span className="hidden sm:inline"> Messages you send will go out once you are back online.</span>
        </span>
      </div>
    );
  }
  if (state !== 'connecting' && state !== 'reconnecting') return null;
  return (
    <div
      role="status"
      className={`flex items-center justify-center gap-2 px-3 py-1.5 text-sm shrink-0 ${state === 'reconnecting' ? 'bg-warning text-warning-content' : 'bg-base-200 text-base-content/70'}`}
      data-testid="connection-banner"
      data-state={state}
    >
      {state === 'reconnecting' ? <WifiOffIcon className="size-4" /> : <Spinner className="loading-xs" />}
      {state === 'reconnecting' ? (
        <span>
          Reconnecting…<span className="hidden sm:inline"> Messages you send will go out once you are back online.</span>
        </span>
      ) : (
        <span>Connecting…</span>
      )}
    </div>
  );
}
