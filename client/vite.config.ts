import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  // The key-crypto worker is an ES module (`new Worker(url, { type: 'module' })`), like the page.
  worker: { format: 'es' },
  // libsodium's sumo build (with argon2id) is one ~620 kB module in the page and in the key worker.
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // Rolldown's "plugins took N s" hint fires whenever the machine is busy (bundling the worker
    // takes a second) and says nothing about the code; it only cluttered the test output.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
