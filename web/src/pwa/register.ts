/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that caches the app shell and the last seen conversations (vite.config.ts).
 * A new version takes over as soon as it is installed and the page reloads onto it (registerType autoUpdate).
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
