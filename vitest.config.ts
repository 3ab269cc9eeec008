import { defineConfig } from 'vitest/config';

// `npm test`: three projects, everything inside the repository (the conformance suite over
// ../shared/fixtures has its own config, vitest.conformance.config.ts).
// - unit: seconds, no site builds;
// - site: sites built once per run by the global setup (test/support/sites.ts), shared by the tests;
// - package: the packed package installed into a temporary project and run through its bin.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one, on a 2-core machine. Most files
    // wait on Chromium or a build's Astro process, so two share the machine well (4.8 min
    // instead of 6.6 for the whole suite here).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/site/**', 'test/package/**', 'test/conformance/**'] } },
      { extends: true, test: { name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
      { extends: true, test: { name: 'package', include: ['test/package/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 600_000 } },
    ],
  },
});
