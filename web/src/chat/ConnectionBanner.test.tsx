import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useOffline } from '../lib/offline';
import { useConnection } from '../store/realtime';
import { ConnectionBanner } from './ConnectionBanner';

beforeEach(() => useOffline.setState({ browserOnline: true, serverReachable: true }));

describe('ConnectionBanner', () => {
  it('shows nothing while connected', () => {
    useConnection.setState({ state: 'open' });
    render(<ConnectionBanner />);
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });

  it('says plainly that we are offline and showing saved messages when the browser is offline', () => {
    useConnection.setState({ state: 'reconnecting' });
    useOffline.setState({ browserOnline: false });
    render(<ConnectionBanner />);
    const banner = screen.getByTestId('connection-banner');
    expect(banner).toHaveAttribute('data-state', 'offline');
    expect(banner).toHaveTextContent("You're offline — showing saved messages");
  });

  it('is offline when the socket cannot connect and the server does not answer either', () => {
    useConnection.setState({ state: 'connecting' });
    useOffline.setState({ serverReachable: false });
    render(<ConnectionBanner />);
    expect(screen.getByTestId('connection-banner')).toHaveAttribute('data-state', 'offline');
  });

  it('is only reconnecting while the server still answers', () => {
    useConnection.setState({ state: 'reconnecting' });
    render(<ConnectionBanner />);
    const banner = screen.getByTestId('connection-banner');
    expect(banner).toHaveAttribute('data-state', 'reconnecting');
    expect(banner).not.toHaveTextContent('offline');
  });
});
