import { describe, expect, it } from 'vitest';
import { bob } from '../test/chat';
import { presenceOf, usePresence } from './presence';
import { handleFrame } from './realtime';

describe('presence store', () => {
  it('applies presence frames, newest word wins', () => {
    handleFrame({ type: 'presence', data: { userId: '2', online: true, lastSeenAt: null } });
    expect(usePresence.getState().byUser['2']).toEqual({ online: true, lastSeenAt: null });
    handleFrame({ type: 'presence', data: { userId: '2', online: false, lastSeenAt: '2026-11-26T12:00:00.000Z' } });
    expect(usePresence.getState().byUser['2']).toEqual({ online: false, lastSeenAt: '2026-11-26T12:00:00.000Z' });
  });

  it('keeps the same state object when nothing changed', () => {
    usePresence.getState().set('2', { online: true, lastSeenAt: null });
    const before = usePresence.getState().byUser;
    usePresence.getState().set('2', { online: true, lastSeenAt: null });
    expect(usePresence.getState().byUser).toBe(before);
  });

  it('falls back to what the member record says', () => {
    expect(presenceOf({}, bob({ online: true }))).toEqual({ online: true, lastSeenAt: null });
    expect(presenceOf({ '2': { online: false, lastSeenAt: 'x' } }, bob({ online: true }))).toEqual({
      online: false,
      lastSeenAt: 'x',
    });
    expect(presenceOf({}, undefined)).toEqual({ online: false, lastSeenAt: null });
  });
});
