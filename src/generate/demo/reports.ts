/**
 * The demo's handwritten reports (`content/reports/*.md`): Markdown with front matter (`title`,
 * `date`, `summary`, `runs:` the run ids discussed). Numbers are read from the generated runs,
 * so the prose always matches the store.
 */
import type { RunSpec } from '../store-spec.ts';
import { best, last, percent } from './common.ts';
import type { VisionRuns } from './vision.ts';

export interface Report {
  fileName: string;
  text: string;
}

function frontMatter(title: string, date: string, summary: string, runs: RunSpec[]): string {
  const ids = runs.map((r) => `  - ${r.id}`).join('\n');
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\nsummary: ${JSON.stringify(summary)}\nruns:\n${ids}\n---\n`;
}

/** The 1-based epoch of the first infinite training loss (391 iterations per epoch at batch 128). */
function blowUpEpoch(run: RunSpec): number {
  const itersPerEpoch = Math.ceil(50_000 / Number(run.params?.batch_size));
  const step = (run.metrics?.['train/loss'] ?? []).find((p) => p.value === Infinity)?.step ?? 0;
  return Math.floor(step / itersPerEpoch) + 1;
}

/** Mean training loss over the steps where the diverged run sat on its plateau. */
function plateauLoss(run: RunSpec): number {
  const values = (run.metrics?.['train/loss'] ?? []).filter((p) => p.step >= 600 && p.step < 1500).map((p) => p.value);
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function minutes(run: RunSpec): number {
  return Math.round(((run.endTime as number) - run.startTime) / 60_000);
}

function sweepReport(v: VisionRuns): Report {
  const runs = [...v.sweep.entries()];
  const rows = runs.map(([key, r]) => {
    const [lr, bs] = key.split('/');
    const acc = Number.isFinite(last(r, 'val/loss')) ? percent(last(r, 'val/accuracy')) : 'diverged';
    return `| ${lr} | ${bs} | ${acc} | ${percent(best(r, 'val/accuracy'))} | ${minutes(r)} min | ${r.status} |`;
  });
  const scaled = v.sweep.get('0.4/512') as RunSpec;
  const base = v.sweep.get('0.1/128') as RunSpec;
  const small = v.sweep.get('0.1/512') as RunSpec;
  const faster = Math.round((1 - minutes(scaled) / minutes(base)) * 100);
  const summary = `Linear LR scaling holds for ResNet-18 on CIFAR-10: lr 0.4 at batch 512 matches lr 0.1 at batch 128 and trains ${faster}% faster; lr 0.4 at batch 128 diverges.`;
  const body = `
We swept learning rate × batch size on the baseline recipe (ResNet-18, SGD, 30 epochs, LR ×0.1
after epochs 15 and 25) to decide the batch size for the product-photo runs.

| lr | batch size | final val accuracy | best val accuracy | wall time | status |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## What we learned

- **Scaling the LR with the batch size works.** lr 0.4 at batch 512 ends at
  ${percent(last(scaled, 'val/accuracy'))}, against ${percent(last(base, 'val/accuracy'))} for lr 0.1 at batch 128, in ${minutes(scaled)} instead of
  ${minutes(base)} minutes.
- **Not scaling it costs accuracy.** lr 0.1 at batch 512 takes a quarter of the optimizer steps
  and never catches up: ${percent(last(small, 'val/accuracy'))}.
- **Too much LR per sample diverges.** lr 0.4 at batch 128 blew up in epoch ${blowUpEpoch(v.diverged)}; see
  *Why run ${v.diverged.name} diverged*.

## Decision

Batch 512 with lr 0.4 becomes the default. Its model is registered as \`cifar10-classifier\`
version 2 with the \`champion\` alias; lr 0.1 / batch 128 is version 3 (\`challenger\`).
`;
  return {
    fileName: 'sweep-lr-vs-batch-size.md',
    text: frontMatter('Sweep results: learning rate vs batch size', '2025-02-18', summary, [v.sweepParent, ...runs.map(([, r]) => r)]) + body,
  };
}

function divergenceReport(v: VisionRuns): Report {
  const loss = v.diverged.metrics?.['train/loss'] ?? [];
  const finite = loss.filter((p) => Number.isFinite(p.value));
  const lastFinite = finite.at(-1);
  const firstInf = loss.find((p) => p.value === Infinity);
  const firstNan = loss.find((p) => Number.isNaN(p.value));
  const plateauMean = plateauLoss(v.diverged);
  const ratio = Math.round(plateauMean / plateauLoss(v.sweep.get('0.1/128') as RunSpec));
  const healthy = v.sweep.get('0.4/512') as RunSpec;
  const summary = `lr 0.4 at batch 128 is four times the baseline's learning rate per sample; the loss exploded at step ${firstInf?.step} and the NaN guard stopped the run.`;
  const body = `
## Timeline (\`train/loss\`)

- steps 0–600: normal descent, as in every other run of the sweep
- steps 600–1500: a plateau around **${plateauMean.toFixed(2)}**, about ${ratio} times that of lr 0.1 at
  batch 128 over the same steps: the first sign that the LR was too high
- step ${lastFinite?.step}: last finite value, **${lastFinite?.value}**
- step ${firstInf?.step}: \`inf\`; step ${firstNan?.step}: \`nan\`, and the NaN guard ended the run (status FAILED)

Validation after the blow-up reports NaN loss and chance-level accuracy (10%). MLflow keeps the
NaN as the run's latest \`val/loss\`, so sort by *best* accuracy when comparing this sweep.

## Cause

SGD noise grows with lr / batch size. The healthy runs share a ratio of 0.1 / 128; this run had
0.4 / 128, four times as much, with no warmup. The same lr at batch 512 (run \`${healthy.name}\`)
trained fine.

## Follow-ups

1. Add 5 warmup epochs before trying lr > 0.2 at small batches.
2. Make the NaN guard stop at the first \`inf\`, not the first \`nan\`: it would have saved ${Math.max(0, (firstNan?.step ?? 0) - (firstInf?.step ?? 0))} steps.
`;
  return {
    fileName: 'why-lr0.4-bs128-diverged.md',
    text: frontMatter(`Why run ${v.diverged.name} diverged`, '2025-02-18', summary, [v.diverged, healthy]) + body,
  };
}

export function demoReports(v: VisionRuns): Report[] {
  return [sweepReport(v), divergenceReport(v)];
}
