import { useEffect } from 'react';
import { useAuth } from '../store/auth';
import { stopRealtime } from '../store/realtime';

/**
 * Lives as long as the logged-in layout. The chat shell starts the list and the socket
 * (ensureChatStarted); they keep running on the profile and settings pages, and stop here
 * when the user logs out (or changes), which also clears every chat state.
 */
export function ChatRuntime() {
  const userId = useAuth((s) => s.user?.id);
  useEffect(() => () => stopRealtime(), [userId]);
  return null;
}
