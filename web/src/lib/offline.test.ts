import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { isOffline, probeServer, useOffline, watchOffline } from './offline';
import type { ConnectionState } from './socket';

describe('isOffline', () => {
  it('is offline whenever the browser says so, even with the socket open', () => {
    expect(isOffline(false, true, 'open')).toBe(true);
  });

  it('is offline when the socket cannot connect and the server does not answer', () => {
    expect(isOffline(true, false, 'reconnecting')).toBe(true);
    expect(isOffline(true, false, 'connecting')).toBe(true);
  });

  it('is only reconnecting when the server still answers HTTP', () => {
    expect(isOffline(true, true, 'reconnecting')).toBe(false);
  });

  it('is not offline once the socket is open or before it starts', () => {
    expect(isOffline(true, false, 'open')).toBe(false);
    expect(isOffline(true, false, 'idle')).toBe(false);
  });
});

describe('probeServer', () => {
  it('counts any HTTP answer, even an error status, as reachable', async () => {
    const fetchFn = vi.fn().mockResolvedValue(new Response(null, { status: 401 }));
    expect(await probeServer(fetchFn)).toBe(true);
    // HEAD: the service worker only answers GETs, so this cannot come from its cache
    expect(fetchFn).toHaveBeenCalledWith('/api/auth/me', expect.objectContaining({ method: 'HEAD', cache: 'no-store' }));
  });

  it('counts a network error as unreachable', async () => {
    expect(await probeServer(vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))).toBe(false);
  });
});

describe('watchOffline', () => {
  const connection = create<{ state: ConnectionState }>()(() => ({ state: 'idle' }));
  let online = true;
  let stop: () => void = () => {};

  beforeEach(() => {
    vi.useFakeTimers();
    online = true;
    vi.spyOn(window.navigator, 'onLine', 'get').mockImplementation(() => online);
    connection.setState({ state: 'idle' });
    useOffline.setState({ browserOnline: true, serverReachable: true });
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const offlineNow = () => {
    const o = useOffline.getState();
    return isOffline(o.browserOnline, o.serverReachable, connection.getState().state);
  };

  it('follows the browser online and offline events', () => {
    stop = watchOffline(connection, { probe: vi.fn().mockResolvedValue(true) });
    online = false;
    window.dispatchEvent(new Event('offline'));
    expect(offlineNow()).toBe(true);
    online = true;
    window.dispatchEvent(new Event('online'));
    expect(offlineNow()).toBe(false);
  });

  it('starts offline when the page loads without a network', () => {
    online = false;
    stop = watchOffline(connection, { probe: vi.fn().mockResolvedValue(true) });
    expect(offlineNow()).toBe(true);
  });

  it('probes while the socket is down, goes offline when nothing answers and back once the socket opens', async () => {
    const probe = vi.fn().mockResolvedValue(false);
    stop = watchOffline(connection, { probe, intervalMs: 1000 });
    expect(probe).not.toHaveBeenCalled(); // idle: nothing to check

    connection.setState({ state: 'reconnecting' });
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(offlineNow()).toBe(true);

    await vi.advanceTimersByTimeAsync(2000);
    expect(probe).toHaveBeenCalledTimes(3);

    connection.setState({ state: 'open' });
    expect(offlineNow()).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(probe).toHaveBeenCalledTimes(3); // stops probing once connected
  });

  it('stays merely reconnecting while the server answers', async () => {
    stop = watchOffline(connection, { probe: vi.fn().mockResolvedValue(true), intervalMs: 1000 });
    connection.setState({ state: 'reconnecting' });
    await vi.advanceTimersByTimeAsync(0);
    expect(offlineNow()).toBe(false);
  });

  it('a probe that fails after the socket opened does not bring the banner back', async () => {
    let answer: (reachable: boolean) => void = () => {};
    const probe = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    stop = watchOffline(connection, { probe, intervalMs: 1000 });
    connection.setState({ state: 'reconnecting' });
    connection.setState({ state: 'open' });
    answer(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(offlineNow()).toBe(false);
    expect(useOffline.getState().serverReachable).toBe(true);
  });
});
