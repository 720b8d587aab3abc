import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server owns /api and /metrics; in development Vite forwards them so cookies stay same-origin.
const backend = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': backend,
      '/metrics': backend,
    },
  },
});
