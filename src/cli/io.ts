/**
 * The CLI's effects, injected so commands can be run and tested in-process: where output goes,
 * whether stderr is an interactive terminal (progress lines), the environment and the cwd.
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal and not CI: progress may be drawn. */
  interactive: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
    env: process.env,
    cwd: process.cwd(),
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
    },
  };
}
