/** Wall time and memory of each phase of a build, reported as events (shown with --verbose). */
import type { BuildEffects } from './options.ts';

export class PhaseClock {
  readonly #effects: Pick<BuildEffects, 'now' | 'report'>;
  #mark: number;
  constructor(effects: Pick<BuildEffects, 'now' | 'report'>) {
    this.#effects = effects;
    this.#mark = effects.now();
  }

  end(name: string): void {
    const now = this.#effects.now();
    this.#effects.report({ kind: 'phase', name, ms: now - this.#mark, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
    this.#mark = now;
  }
}
