import { defineConfig } from 'vitest/config';
import MatrixFirst from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files each open their own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    sequence: { sequencer: MatrixFirst },
  },
});
