import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const tabDir = fileURLToPath(new URL('.', import.meta.url));

// The server serves dist/tab under /tab/, so asset URLs must carry that base.
export default defineConfig({
  root: tabDir,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/tab', import.meta.url)),
    emptyOutDir: true,
    // Fluent UI makes one large vendor chunk; that is expected for a tab app.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The Teams consent pop-up's two pages are built beside the tab itself.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        'auth-start': fileURLToPath(new URL('./auth-start.html', import.meta.url)),
        'auth-end': fileURLToPath(new URL('./auth-end.html', import.meta.url)),
      },
      output: {
        // Named so it is recognisable: loaded lazily, only when running inside Teams.
        manualChunks: (id) => (id.includes('/@microsoft/teams-js/') ? 'teams-js' : undefined),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
