import { defineConfig } from 'vitest/config';

// Mutation runs (stryker.config.mjs) need only the unit tests of the pure rules in shared/:
// a narrow set keeps each mutant's test run short on a small machine.
export default defineConfig({
  test: {
    include: ['test/unit/domain/**/*.test.ts', 'test/unit/sla/**/*.test.ts', 'test/unit/alarms/**/*.test.ts'],
    environment: 'node',
  },
});
