import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // CLI tests start real processes (a PGlite directory, an analysis thread each): slow on a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry; two forks suit a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
