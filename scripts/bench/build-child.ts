/**
 * `runfolio build` (or the floor's bare Astro build) in a process of its own, reporting its wall
 * time and peak RSS as one JSON line on stdout.
 * Usage: node build-child.ts runfolio <build args…> | node build-child.ts floor <pages> <outDir>
 */
process.env.NODE_ENV ??= 'production';
const [mode, ...args] = process.argv.slice(2);
const started = performance.now();
if (mode === 'floor') {
  const { buildFloor } = await import('./site-floor.ts');
  await buildFloor(Number(args[0]), args[1] as string);
} else {
  const { main } = await import('../../src/cli/main.ts');
  const { processIO } = await import('../../src/cli/io.ts');
  const code = await main(['build', ...args], { ...processIO(), interactive: false });
  if (code !== 0) process.exit(code);
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
export {};
