import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build lands where Maven packs classpath resources: the server serves it from /io/sluice/web.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/io/sluice/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run dev` against a running `bin/sluice server`
    proxy: { '/api': process.env.SLUICE_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // generous: the build machines are small and busy, and a first CodeMirror render takes seconds there
    testTimeout: 30_000,
  },
});
