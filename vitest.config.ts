import { defineConfig } from 'vitest/config';

// Three tiers: unit (core and web, no I/O), integration (HTTP API on a real database:
// PGlite, or PostgreSQL when TEST_DB_KIND=postgres), e2e (a real browser).
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['packages/core/src/**/*.test.ts'], environment: 'node' },
      },
      {
        test: { name: 'web', include: ['packages/web/src/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/server/src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['packages/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // PGlite instances are memory-hungry and the machine has two cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // Budgets, not waits: every step waits for a state; these only bound a walk on a machine
          // loaded well past its two cores (a first start imports the whole data set).
          testTimeout: 300_000,
          hookTimeout: 420_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
