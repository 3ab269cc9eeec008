/**
 * `runfolio build` (or the floor's bare Astro build) in a process of its own, reporting its wall
 * time and peak RSS as one JSON line on stdout. The build prepares on a worker thread (its heap
 * gone when it ends) and renders in an Astro child process, one after the other: the peak is the
 * larger of this process's own peak (the preparation) and this process's size while Astro ran
 * plus the Astro process's peak.
 * Usage: node build-child.ts runfolio --store STORE --out DIR | node build-child.ts floor <pages> <outDir>
 */
const [mode, ...args] = process.argv.slice(2);
const started = performance.now();
let childPeakMb = 0;
let whileRenderingMb = 0;
if (mode === 'floor') {
  process.env.NODE_ENV ??= 'production';
  const { buildFloor } = await import('./site-floor.ts');
  await buildFloor(Number(args[0]), args[1] as string);
} else {
  const { build, nodeBuildEffects } = await import('../../src/build/index.ts');
  const { parseRedactions } = await import('../../src/lib/redact.ts');
  const [, store, , out] = args as [string, string, string, string];
  await build(
    { stores: [store], outDir: out, cwd: process.cwd(), title: 'Bench', compare: [], redactions: parseRedactions([]), archive: false, verbose: false },
    nodeBuildEffects((event) => {
      if (event.kind === 'render') childPeakMb = event.peakRssMb;
      if (event.kind === 'phase' && event.name === 'pages') whileRenderingMb = event.rssMb;
    }),
  );
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, peakRssMb: Math.max(process.resourceUsage().maxRSS / 1024, whileRenderingMb + childPeakMb) })}\n`);
export {};
