import { create } from 'zustand';
import type { ConnectionState } from './socket';

/** How often the server is probed while the socket is down. */
export const PROBE_INTERVAL_MS = 15_000;

/** What the offline banner is decided from: the browser's own flag and whether the server answers at all. */
export const useOffline = create<{ browserOnline: boolean; serverReachable: boolean }>()(() => ({
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  serverReachable: true,
}));

/**
 * Offline: the browser says so, or the socket cannot connect and the server does not answer HTTP either
 * (a network error, not an error status). A socket that is merely reconnecting to a reachable server is not offline.
 */
export function isOffline(browserOnline: boolean, serverReachable: boolean, socket: ConnectionState): boolean {
  if (!browserOnline) return true;
  return (socket === 'connecting' || socket === 'reconnecting') && !serverReachable;
}

/**
 * Any HTTP answer means the server is reachable; only a network error means it is not. HEAD is never
 * answered by the service worker (it caches GETs only), so this always asks the network.
 */
export async function probeServer(fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    await fetchFn('/api/auth/me', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
    return true;
  } catch {
    return false;
  }
}

interface ConnectionSource {
  getState: () => { state: ConnectionState };
  subscribe: (listener: (s: { state: ConnectionState }) => void) => () => void;
}

export interface OfflineWatchOptions {
  win?: Window;
  probe?: () => Promise<boolean>;
  intervalMs?: number;
}

/** Keeps useOffline current: browser online/offline events, and a probe every interval while the socket is down. */
export function watchOffline(connection: ConnectionSource, options: OfflineWatchOptions = {}): () => void {
  const win = options.win ?? window;
  const probe = options.probe ?? (() => probeServer());
  const intervalMs = options.intervalMs ?? PROBE_INTERVAL_MS;
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;

  const socketDown = () => {
    const s = connection.getState().state;
    return s === 'connecting' || s === 'reconnecting';
  };
  const runProbe = async () => {
    const reachable = await probe();
    // The socket may have opened while the probe was out: an open socket wins.
    if (!stopped) useOffline.setState({ serverReachable: reachable || !socketDown() });
  };
  const follow = (state: ConnectionState) => {
    if (state === 'connecting' || state === 'reconnecting') {
      if (timer === null) {
        void runProbe();
        timer = setInterval(() => void runProbe(), intervalMs);
      }
    } else {
      if (timer !== null) clearInterval(timer);
      timer = null;
      useOffline.setState({ serverReachable: true });
    }
  };
  const onOnline = () => {
    useOffline.setState({ browserOnline: true });
    if (socketDown()) void runProbe();
  };
  const onOffline = () => useOffline.setState({ browserOnline: false });

  useOffline.setState({ browserOnline: win.navigator.onLine });
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  let last = connection.getState().state;
  follow(last);
  const unsubscribe = connection.subscribe((s) => {
    if (s.state !== last) follow((last = s.state));
  });

  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== null) clearInterval(timer);
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOffline);
  };
}
