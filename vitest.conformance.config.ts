import { defineConfig } from 'vitest/config';

// The conformance suite: every real store outside the repository (../shared/fixtures, or
// RUNFOLIO_FIXTURES) checked in place against its expected.json. `.ci/run` runs it after npm test.
export default defineConfig({
  test: {
    name: 'conformance',
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
