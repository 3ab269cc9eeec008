#!/usr/bin/env node
/**
 * The `runfolio` executable. Sets the environment Astro's programmatic build needs before any
 * module loads React (React picks its production or development build when first imported, and
 * a mix of the two fails at render time), then runs the CLI and exits with its code.
 */
process.env.NODE_ENV ??= 'production';
// node:sqlite announces itself as experimental on every run; the CLI's output is for the user.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

const { main } = await import('../src/cli/main.ts');
const { processIO } = await import('../src/cli/io.ts');
process.exitCode = await main(process.argv.slice(2), processIO());
export {};
