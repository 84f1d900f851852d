import { defineConfig } from 'vitest/config';

// Mutation runs (stryker.config.mjs) need only the unit tests of the pure rules in shared/:
// a narrow set keeps each mutant's test run short on a small machine. MUTATION_TESTS (a glob)
// narrows it further to one module's folder, which makes a run far quicker when a module has many
// static mutants (each runs every test); the score is then a lower bound (other folders' tests
// might kill more).
export default defineConfig({
  test: {
    include: [process.env['MUTATION_TESTS'] ?? 'test/unit/shared/**/*.test.ts'],
    environment: 'node',
  },
});
