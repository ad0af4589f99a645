import type { ChatSocket } from './socket';

/** The running socket (one per tab), set by store/realtime.ts; stores send through it. */
let current: ChatSocket | null = null;

export function getSocket(): ChatSocket | null {
  return current;
}

export function setSocket(socket: ChatSocket | null): void {
  current = socket;
}
