import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server (5173) forwards API calls to a server started with `npm run dev` (port 4000);
// in production the server serves web/dist itself, so the same relative URLs work in both.
const api = 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/v1': { target: api },
      '/healthz': { target: api },
      '/readyz': { target: api },
    },
  },
});
