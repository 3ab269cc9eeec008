import { defineConfig } from 'vitest/config';

// Two projects: unit tests run alone in seconds; site tests share sites built once per run by
// the global setup (test/support/sites.ts). `npm test` runs both.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/site/**'] } },
      { extends: true, test: { name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
