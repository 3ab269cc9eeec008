/**
 * `runfolio build` (or the floor's bare Astro build) in a process of its own, reporting its wall
 * time and peak RSS as one JSON line on stdout. The build core renders in a child process of its
 * own, which runs beside this one: the peak reported is this process's plus the Astro process's
 * (an upper bound of what the build held at once).
 * Usage: node build-child.ts runfolio --store STORE --out DIR | node build-child.ts floor <pages> <outDir>
 */
const [mode, ...args] = process.argv.slice(2);
const started = performance.now();
let childPeakMb = 0;
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
    nodeBuildEffects((event) => void (event.kind === 'render' && (childPeakMb = event.peakRssMb))),
  );
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, peakRssMb: process.resourceUsage().maxRSS / 1024 + childPeakMb })}\n`);
export {};
