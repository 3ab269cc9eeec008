/**
 * Which way a metric improves, guessed from its name when the user says nothing: `asc` (lower is
 * better) for losses, errors, distances and costs, `desc` (higher is better) for everything else
 * (accuracy, f1, auc, r2, precision, recall, reward…). A given direction always wins.
 *
 * The name is split into word parts at every character that is not a letter or digit, at
 * lower→upper case changes and at letter↔digit changes (`val_loss`, `train/loss`, `eval-rmse`,
 * `valLoss`, `top5_error` → …, `loss`/`rmse`/`error`), and a part must equal a listed word: so
 * `timestamp` or `terrain` are not `time`/`err`. A part `neg` or `negative` flips the guess, as
 * scikit-learn's scorers (`neg_mean_squared_error`, `neg_log_loss`) are negated to be maximised.
 */

/** `asc`: lower is better; `desc`: higher is better. */
export type Direction = 'asc' | 'desc';

/** Word parts that make a metric lower-is-better. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set([
  // losses and likelihoods
  'loss', 'losses', 'logloss', 'nll', 'bpd', 'bpc', 'perplexity', 'ppl', 'hinge', 'brier',
  // errors
  'error', 'errors', 'err', 'mae', 'mse', 'rmse', 'msle', 'rmsle', 'mape', 'smape', 'wape', 'mase', 'medae', 'mad',
  'wer', 'cer', 'ter', 'eer', 'fpr', 'fnr',
  // distances and divergences
  'distance', 'divergence', 'kl', 'fid',
  // time and resources
  // (not `sec`, `ms`: `samples_per_sec` is a throughput and `ms_ssim` a similarity)
  'latency', 'time', 'duration', 'runtime', 'elapsed', 'memory', 'mem',
  // costs
  'cost', 'regret',
]);

const NEGATED = new Set(['neg', 'negative']);

/** The lower-case word parts of a metric name (see the header). */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '');
}

/** The direction `name` suggests: `asc` when a word part is in LOWER_IS_BETTER (flipped by `neg`). */
export function inferDirection(name: string): Direction {
  const parts = nameParts(name);
  const lower = parts.some((part) => LOWER_IS_BETTER.has(part));
  const negated = parts.some((part) => NEGATED.has(part));
  return lower !== negated ? 'asc' : 'desc';
}

/** `given` when there is one, else the direction inferred from `name`. */
export function metricDirection(name: string, given?: Direction): Direction {
  return given ?? inferDirection(name);
}
