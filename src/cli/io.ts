/**
 * The CLI's effects, injected so commands can be run and tested in-process: where output goes,
 * whether stderr is an interactive terminal (progress lines), the environment, the cwd, and the
 * signal that says the user asked to stop (Ctrl-C).
 */
import type { BuildEvent } from '../build/options.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal and not CI: progress may be drawn. */
  interactive: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted when the user interrupts (SIGINT, SIGTERM); the reason is the signal's name. */
  signal?: AbortSignal;
}

export function processIO(signal?: AbortSignal): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
    env: process.env,
    cwd: process.cwd(),
    ...(signal ? { signal } : {}),
  };
}

/** A progress reporter drawing one updating line on interactive terminals, silent otherwise. */
export function progressLine(io: CliIO, label: string): { update: (done: number, total: number) => void; done: () => void } {
  let drawn = false;
  return {
    update(done, total) {
      if (!io.interactive) return;
      io.stderr(`\r${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}

/** A build's events on the terminal: progress lines, Astro's log with --verbose, phase times kept for the end. */
export function buildReporter(io: CliIO, verbose: boolean): { report: (event: BuildEvent) => void; phases: () => string } {
  const phases: string[] = [];
  const lines = new Map<string, ReturnType<typeof progressLine>>();
  return {
    report(event) {
      if (event.kind === 'progress') {
        let line = lines.get(event.label);
        if (!line) lines.set(event.label, (line = progressLine(io, event.label)));
        line.update(event.done, event.total);
      } else if (event.kind === 'progress-end') {
        for (const line of lines.values()) line.done();
      } else if (event.kind === 'phase') {
        phases.push(`${event.name} ${(event.ms / 1000).toFixed(1)} s (${event.rssMb} MB)`);
      } else if (event.kind === 'render') {
        phases.push(`Astro process peak ${event.peakRssMb} MB`);
      } else if (verbose) {
        io.stderr(event.text);
      }
    },
    phases: () => phases.join(', '),
  };
}
