import { useSyncExternalStore } from 'react';

/**
 * "The user is looking at this tab": the document is visible and the window has not lost focus.
 * A window that never reported a blur counts as focused (browsers do not all report focus on load).
 */
let blurred = false;
const listeners = new Set<() => void>();
let installed = false;

function notify() {
  for (const l of listeners) l();
}

function install() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('blur', () => {
    blurred = true;
    notify();
  });
  window.addEventListener('focus', () => {
    blurred = false;
    notify();
  });
  document.addEventListener('visibilitychange', notify);
}

install();

export function isPageActive(): boolean {
  if (typeof document === 'undefined') return false;
  return document.visibilityState !== 'hidden' && !blurred;
}

export function subscribePageActive(listener: () => void): () => void {
  install();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePageActive(): boolean {
  return useSyncExternalStore(subscribePageActive, isPageActive, () => false);
}
