/**
 * What a metric's name says about it: its kind (a quality score, an error, a loss, bookkeeping,
 * or nothing we know), the data split it was measured on, and its stem (the name without the
 * split, so `val/box_loss` and `train/box_loss` are siblings). Browser-safe and pure: the
 * relevance ranking (relevance.ts) builds on it at build time and on the compare page.
 *
 * A name is read as words: split at every character that is not a letter or digit and at
 * letter↔digit changes, once as written in lower case and once also at lower→upper case changes
 * (so `mAP50-95B` holds `map`, `50`, `95` and `precisionB` holds `precision`). A phrase matches
 * when its words follow each other in either reading; `#` in a phrase stands for any number.
 * Words match whole, so `timestamp` is not `time` and `terrain` not `err`.
 */

export type MetricKind = 'score' | 'error' | 'loss' | 'bookkeeping' | 'other';
export type MetricSplit = 'heldout' | 'train' | 'none';

type Phrase = readonly string[];

/** Higher is better, most telling first: the order ranks scores of one tier against each other. */
const SCORES: readonly Phrase[] = [
  // mAP over a range of IoU thresholds (COCO's headline, `mAP50-95`) before mAP at one threshold
  ['map', '#', '#'], ['map'], ['m', 'ap'], ['mean', 'average', 'precision'], ['ap'],
  ['accuracy'], ['acc'], ['top', '1'],
  ['auc'], ['auroc'], ['roc'], ['average', 'precision'],
  ['f', '1'], ['fscore'], ['f', 'score'], ['fbeta'],
  ['r', '2'], ['rsquared'], ['r', 'squared'], ['explained', 'variance'],
  ['iou'], ['miou'], ['jaccard'], ['dice'],
  ['bleu'], ['rouge'], ['meteor'], ['chrf'], ['bertscore'], ['exact', 'match'],
  ['ndcg'], ['mrr'], ['hits'],
  ['reward'], ['return'], ['returns'],
  ['kappa'], ['mcc'], ['matthews'], ['psnr'], ['ssim'], ['spearman'], ['pearson'], ['correlation'],
  ['top', '#'], ['score'],
  // parts of a score, after the score itself
  ['precision'], ['recall'], ['specificity'], ['sensitivity'], ['tpr'], ['tnr'],
];

/** Lower is better, measured against the truth. */
const ERRORS: readonly Phrase[] = [
  ['mae'], ['rmse'], ['mse'], ['mape'], ['smape'], ['wape'], ['mase'], ['msle'], ['rmsle'], ['medae'], ['mad'],
  ['error'], ['errors'], ['err'], ['wer'], ['cer'], ['ter'], ['eer'], ['fpr'], ['fnr'],
  ['fid'], ['brier'], ['distance'], ['divergence'], ['kl'],
];

/** What training minimises. */
const LOSSES: readonly Phrase[] = [['loss'], ['losses'], ['logloss'], ['nll'], ['perplexity'], ['ppl'], ['bpd'], ['bpc'], ['hinge'], ['crossentropy'], ['cross', 'entropy'], ['deviance']];

/**
 * How long, how fast, on what machine, at which setting: these win over any quality word
 * (`score_time`). Not `ms` or `sec` alone: `ms_ssim` is a similarity.
 */
const BOOKKEEPING: readonly Phrase[] = [
  ['time'], ['times'], ['timestamp'], ['duration'], ['elapsed'], ['runtime'], ['latency'], ['seconds'], ['secs'],
  ['throughput'], ['fps'], ['speed'], ['per', 'second'], ['per', 'sec'],
  ['pid'], ['done'], ['hostname'], ['node', 'ip'], ['trial', 'id'], ['warmup'],
  ['cpu'], ['gpu'], ['memory'], ['mem'], ['disk'], ['network'], ['utilization'], ['power'], ['temperature'],
  ['lr'], ['learning', 'rate'], ['learningrate'], ['momentum'], ['grad'], ['grads'], ['gradient'], ['gradients'],
];

/** Counters: bookkeeping only when the name says nothing else (`val_loss_epoch` is a loss). */
const COUNTERS: readonly Phrase[] = [
  ['iteration'], ['iterations'], ['iter'], ['iters'], ['epoch'], ['epochs'], ['step'], ['steps'], ['timestep'], ['timesteps'],
  ['batch'], ['batches'], ['restore'], ['samples'], ['examples'], ['tokens'], ['count'], ['counter'], ['trial'], ['trials'],
];

const HELD_OUT = new Set(['val', 'valid', 'validation', 'test', 'testing', 'eval', 'evaluation', 'holdout', 'dev', 'oof']);
const TRAIN = new Set(['train', 'training', 'trn']);

/** MLflow's system metrics (`system/cpu_utilization_percentage`…) are bookkeeping whatever their name. */
export const SYSTEM_PREFIX = 'system/';

export interface MetricName {
  kind: MetricKind;
  split: MetricSplit;
  /** Position of the matched phrase in its kind's list (0 for kinds without one). */
  word: number;
  /** The name without its split words, in lower-case words joined by `_`. */
  stem: string;
}

/** The words of a name as written in lower case, and with camelCase split too. */
export function nameWords(name: string): { plain: string[]; camel: string[] } {
  const words = (text: string) =>
    text
      .replace(/([A-Za-z])([0-9])/g, '$1 $2')
      .replace(/([0-9])([A-Za-z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '');
  return { plain: words(name), camel: words(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2')) };
}

function hasPhrase(words: readonly string[], phrase: Phrase): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((p, j) => (p === '#' ? /^\d+$/.test(words[i + j]!) : words[i + j] === p))) return true;
  }
  return false;
}

/** Index of the first phrase of `list` the name holds, or -1. */
function firstMatch(words: { plain: string[]; camel: string[] }, list: readonly Phrase[]): number {
  return list.findIndex((phrase) => hasPhrase(words.plain, phrase) || hasPhrase(words.camel, phrase));
}

/** The split a name was measured on: a held-out word (`val`, `test`, `eval`…) wins over a training one. */
function splitOf(words: readonly string[]): MetricSplit {
  if (words.some((w) => HELD_OUT.has(w))) return 'heldout';
  return words.some((w) => TRAIN.has(w)) ? 'train' : 'none';
}

/** The name without split words (and a number right after one: LightGBM's `valid_1`), camelCase split. */
export function metricStem(name: string): string {
  const { camel } = nameWords(name);
  const kept: string[] = [];
  for (let i = 0; i < camel.length; i++) {
    const word = camel[i]!;
    if (HELD_OUT.has(word) || TRAIN.has(word)) {
      if (/^\d+$/.test(camel[i + 1] ?? '')) i++;
      continue;
    }
    kept.push(word);
  }
  return kept.join('_');
}

/** Kind, split, word priority and stem of a metric key. */
export function readMetricName(key: string): MetricName {
  const words = nameWords(key);
  const split = splitOf(words.camel);
  const stem = metricStem(key);
  const named = (kind: MetricKind, word: number): MetricName => ({ kind, split, word, stem });
  if (key.startsWith(SYSTEM_PREFIX)) return named('bookkeeping', 0);
  if (firstMatch(words, BOOKKEEPING) >= 0) return named('bookkeeping', 0);
  // A loss word names a training objective (`dice_loss`); an error word a lower-is-better score (`top5_error`).
  for (const [kind, list] of [['loss', LOSSES], ['error', ERRORS], ['score', SCORES]] as const) {
    const word = firstMatch(words, list);
    if (word >= 0) return named(kind, word);
  }
  return named(firstMatch(words, COUNTERS) >= 0 ? 'bookkeeping' : 'other', 0);
}
