import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  // Server-only code (database, mail, jobs) must never reach the browser bundle.
  optimizeDeps: { include: ['i18next', 'react-i18next'] },
  build: { target: 'es2022' },
  server: { port: 5173 },
});
