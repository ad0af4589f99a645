import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toast, TOAST_TIMEOUT_MS, useToasts } from './toast';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('toasts', () => {
  it('auto-dismiss after a few seconds', () => {
    toast.success('Profile saved');
    expect(useToasts.getState().toasts).toMatchObject([{ kind: 'success', message: 'Profile saved' }]);
    vi.advanceTimersByTime(TOAST_TIMEOUT_MS - 1);
    expect(useToasts.getState().toasts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(useToasts.getState().toasts).toHaveLength(0);
  });

  it('can be dismissed early and collapses duplicates', () => {
    const a = toast.error('Offline');
    expect(toast.error('Offline')).toBe(a);
    toast.info('Other');
    expect(useToasts.getState().toasts).toHaveLength(2);
    useToasts.getState().dismiss(a);
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual(['Other']);
  });
});
