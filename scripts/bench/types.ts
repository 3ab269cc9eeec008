/**
 * The benchmark's shape: each section measures our code against a floor measured in the same
 * run (a plain read, a plain loop, a bare build), and reports both with the ratio.
 */
export interface BenchRow {
  /** `read`, `analyze`, `site`. */
  section: string;
  /** What was measured, e.g. `mlruns → validated Snapshot`. */
  name: string;
  /** Problem size, e.g. number of runs. */
  size: number;
  /** What the floor is, e.g. `plain read of every file`. */
  floor: string;
  floorMs: number;
  oursMs: number;
  /** Peak resident set size of the measured process or section, MB, when measured. */
  peakRssMb?: number;
  /** Target for the ratio (e.g. 1.5), to print pass/miss. */
  goal?: number;
  /** `KB`: a page weight against a budget (floorMs holds the budget, oursMs the weight); `chars`: a text length against a limit, the same way. Default: times in ms. */
  unit?: 'KB' | 'chars';
}

export interface BenchContext {
  /** A temp folder for generated stores, removed after the run. */
  tmp: string;
  /** Run counts to measure (default 1,000 and 10,000). */
  sizes: number[];
  /** Print a progress line. */
  log: (line: string) => void;
  /** The synthetic benchmark store of `runs` runs as an mlruns/ folder, written once per bench run. */
  mlruns: (runs: number) => string;
}

/**
 * Median of `repeats` timings of `fn`, in ms, after `warmup` untimed calls: what a function costs
 * once the JIT has compiled it, the state a floor loop and our code both reach when called often.
 */
export async function timeMedian(fn: () => unknown, repeats = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * Medians of `floor` and `ours` timed in turn (floor, ours, floor, ours, …) after `warmup`
 * rounds of both, so garbage collection and JIT state weigh on both alike.
 */
export async function timePair(floor: () => unknown, ours: () => unknown, repeats = 15, warmup = 50): Promise<{ floorMs: number; oursMs: number }> {
  for (let i = 0; i < warmup; i++) {
    await floor();
    await ours();
  }
  const floors: number[] = [];
  const oursTimes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let start = performance.now();
    await floor();
    floors.push(performance.now() - start);
    start = performance.now();
    await ours();
    oursTimes.push(performance.now() - start);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { floorMs: median(floors), oursMs: median(oursTimes) };
}
