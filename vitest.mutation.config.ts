import { defineConfig } from 'vitest/config';

// Mutation runs (stryker.config.mjs) need only the unit tests of the pure rules in shared/:
// a narrow set keeps each mutant's test run short on a small machine.
export default defineConfig({
  test: {
    include: ['test/unit/shared/**/*.test.ts'],
    environment: 'node',
  },
});
