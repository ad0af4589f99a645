/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { RUNTIME_CACHES } from './src/pwa/cacheNames';

const backend = 'http://localhost:5001';
const DAY = 24 * 60 * 60;

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      // The app registers the worker itself (src/pwa/register.ts): no inline script under our CSP.
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false, // public/manifest.webmanifest, linked from index.html
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/ws/, /^\/q\//, /^\/socket\.io\//],
        cleanupOutdatedCaches: true,
        // A new version takes over at once (autoUpdate reloads the page onto it), and the first install controls
        // the open page without a reload, so what it fetches next is saved for offline.
        skipWaiting: true,
        clientsClaim: true,
        // Only GETs are routed (Workbox's default method): POST/PUT/PATCH/DELETE and /ws always go to the network.
        // The url tests are inlined into the worker, so they cannot use anything from this file.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin &&
              (url.pathname === '/api/auth/me' ||
                url.pathname === '/api/conversations' ||
                /^\/api\/conversations\/[^/]+$/.test(url.pathname)),
            handler: 'NetworkFirst',
            options: {
              cacheName: RUNTIME_CACHES.api,
              networkTimeoutSeconds: 8,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 200, maxAgeSeconds: 30 * DAY },
            },
          },
          {
            // The first page of a thread only; older pages (?before=) need the network.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin &&
              /^\/api\/conversations\/[^/]+\/messages$/.test(url.pathname) &&
              !url.searchParams.has('before'),
            handler: 'NetworkFirst',
            options: {
              cacheName: RUNTIME_CACHES.messages,
              networkTimeoutSeconds: 8,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 50, maxAgeSeconds: 30 * DAY },
            },
          },
          {
            // Stored images and avatars never change under an id (served immutable), so the cache answers first.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/media\/[^/]+(\/thumbnail)?$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: RUNTIME_CACHES.images,
              cacheableResponse: { statuses: [0, 200] },
              expiration: { maxEntries: 300, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true },
            },
          },
        ],
      },
    }),
  ],
  server: {
    // Keep the default changeOrigin: false. The backend's origin guard accepts a
    // browser Origin matching the Host header, which the proxy must pass through.
    proxy: {
      '/api': { target: backend },
      '/ws': { target: backend, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
