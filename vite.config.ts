import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard lives in client/; the server serves dist/client and answers /graphql and /api.
const api = 'http://127.0.0.1:4000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // recharts and its helpers load only with the first chart, as one named chunk.
        codeSplitting: {
          // Leave shared dependencies (React) where they are; only the chart libraries move.
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|internmap|@reduxjs|redux|redux-thunk|reselect|immer|react-redux|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|clsx|use-sync-external-store|react-is)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': api,
      '/api': api,
    },
  },
});
