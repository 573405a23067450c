import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` runs the API on :4000 and this dev server forwards HTTP and WebSocket calls to it;
// in production the server serves web/dist itself, so the same relative URLs work in both.
const api = process.env.MM_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), tailwindcss()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    // GraphiQL (and its editor) is one lazily loaded chunk of its own.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/graphql': { target: api, ws: true },
      '/v1': { target: api },
      '/healthz': { target: api },
      '/readyz': { target: api },
    },
  },
});
