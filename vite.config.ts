import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  // Server-only code (database, mail, jobs) must never reach the browser bundle.
  optimizeDeps: { include: ['i18next', 'react-i18next'] },
  build: {
    target: 'es2022',
    // On a small machine the first build spends most of its time in plugins (React Router's route
    // transforms, Tailwind); Rolldown then prints a yellow timing report that reads like an error at
    // `npm start`. It is advice for plugin authors, not a problem of this build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { port: 5173 },
});
