import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { initialJsBudget } from './scripts/vite-js-budget.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), initialJsBudget()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
