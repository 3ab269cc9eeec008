/** Metric points appended one by one into growing typed columns (no object per point while reading). */
import type { MetricColumns } from '../metric-points.ts';

export class GrowingColumns {
  private steps = new Float64Array(16);
  private timestamps = new Float64Array(16);
  private values = new Float64Array(16);
  length = 0;

  push(step: number, timestamp: number, value: number): void {
    if (this.length === this.steps.length) this.grow();
    this.steps[this.length] = step;
    this.timestamps[this.length] = timestamp;
    this.values[this.length] = value;
    this.length += 1;
  }

  /** The points so far, as views (no copy). */
  columns(): MetricColumns {
    return { steps: this.steps.subarray(0, this.length), timestamps: this.timestamps.subarray(0, this.length), values: this.values.subarray(0, this.length) };
  }

  private grow(): void {
    const size = this.steps.length * 2;
    const grown = (old: Float64Array) => {
      const next = new Float64Array(size);
      next.set(old);
      return next;
    };
    this.steps = grown(this.steps);
    this.timestamps = grown(this.timestamps);
    this.values = grown(this.values);
  }
}
