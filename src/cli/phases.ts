/** Wall time and memory of each phase of a command, for `--verbose`. */
export class PhaseTimer {
  readonly phases: string[] = [];
  #mark = performance.now();

  end(name: string): void {
    const now = performance.now();
    this.phases.push(`${name} ${((now - this.#mark) / 1000).toFixed(1)} s (${Math.round(process.memoryUsage().rss / 2 ** 20)} MB)`);
    this.#mark = now;
  }

  toString(): string {
    return this.phases.join(', ');
  }
}
