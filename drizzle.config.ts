import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/wiring/schema.ts',
  out: './drizzle',
});
