/**
 * The demo's tabular experiment: customer-churn models on a pandas dataset, one run per model
 * family (logistic regression, XGBoost, LightGBM), boosting curves per round with early stopping
 * and final validation metrics, each model logged with `log_model` and registered.
 */
import type { Prng } from '../prng.ts';
import type { ExperimentSpec, MetricPointSpec, RunSpec } from '../store-spec.ts';
import { at, logModel, pandasDataset, sourceTags, USERS, type LoggedModelFlavor } from './common.ts';
import { boosting, systemMetrics } from './curves.ts';

export const TABULAR_EXPERIMENT_ID = '815022697413508861';

const COLUMNS: [string, string][] = [
  ['tenure_months', 'long'], ['monthly_charges', 'double'], ['total_charges', 'double'], ['contract', 'string'],
  ['payment_method', 'string'], ['support_tickets_90d', 'long'], ['has_fiber', 'boolean'], ['churned', 'boolean'],
];
const TRAIN = pandasDataset('churn-train', 'e41b9c07', '/mnt/team-share/data/churn/2025-02/train.parquet', 5_634, COLUMNS);
const VALID = pandasDataset('churn-valid', '7c2fd813', '/mnt/team-share/data/churn/2025-02/valid.parquet', 1_409, COLUMNS);
const DATA_SHA = '0b9e4d2c7a1f5e3b8c6d4a2f0e9b7c5d3a1f8e6c4b2a0d9f7e5c3b1a9d8f6e4c';

const NOTE = `# Churn prediction

Which customers cancel in the next 90 days? Scores feed the retention team's weekly call list.

- Data: February 2025 snapshot of the CRM export, split by customer id (80/20)
- Metric that decides: **validation ROC AUC**; F1 at threshold 0.5 is reported for the call-list size
- Every candidate is registered as \`churn-model\`; the \`champion\` alias is what the scoring job loads`;

interface TabularRunConfig {
  name: string;
  start: number;
  commit: string;
  params: Record<string, string>;
  flavor: LoggedModelFlavor;
  auc: number;
  f1: number;
  curves?: { metrics: Record<string, MetricPointSpec[]>; endTime: number };
}

function tabularRun(rng: Prng, c: TabularRunConfig): RunSpec {
  const endTime = c.curves?.endTime ?? c.start + 41_000;
  const final = (value: number): MetricPointSpec[] => [{ step: 0, timestamp: endTime - 2_500, value }];
  const run: RunSpec = {
    id: rng.hex(32),
    experimentId: TABULAR_EXPERIMENT_ID,
    name: c.name,
    status: 'FINISHED',
    startTime: c.start,
    endTime,
    user: USERS.priya,
    params: c.params,
    tags: { ...sourceTags(USERS.priya, 'churn/train_churn.py', c.commit), 'data.sha256': DATA_SHA },
    metrics: { ...c.curves?.metrics, val_auc: final(c.auc), val_f1: final(c.f1) },
    inputs: [{ dataset: TRAIN, context: 'train' }, { dataset: VALID, context: 'eval' }],
  };
  const logged = logModel(rng, run.id, endTime - 1_000, c.flavor);
  run.artifacts = logged.artifacts;
  run.tags = { ...run.tags, ...logged.tags };
  return run;
}

export interface TabularRuns {
  experiment: ExperimentSpec;
  runs: RunSpec[];
  logreg: RunSpec;
  xgboost: RunSpec;
  lightgbm: RunSpec;
}

export function tabularRuns(rng: Prng): TabularRuns {
  const [c1, c2] = [rng.hex(40), rng.hex(40)];
  const logreg = tabularRun(rng, {
    name: 'logreg-baseline', start: at(2, 24, 10, 15, 9), commit: c1, auc: 0.8412, f1: 0.6123,
    params: { model: 'LogisticRegression', C: '1.0', penalty: 'l2', class_weight: 'balanced', max_iter: '1000' },
    flavor: { flavor: 'sklearn', section: { code: null, pickled_model: 'model.pkl', serialization_format: 'cloudpickle', sklearn_version: '1.6.1' }, requirements: ['scikit-learn==1.6.1', 'cloudpickle==3.1.1'], sizeBytes: 2_911 },
  });
  const xgbStart = at(2, 25, 15, 2, 44);
  const xgboost = tabularRun(rng, {
    name: 'xgboost-v1', start: xgbStart, commit: c2, auc: 0.8637, f1: 0.6418,
    params: { model: 'XGBClassifier', max_depth: '6', learning_rate: '0.05', n_estimators: '1000', subsample: '0.8', colsample_bytree: '0.8', early_stopping_rounds: '30' },
    flavor: { flavor: 'xgboost', section: { code: null, data: 'model.xgb', model_class: 'xgboost.sklearn.XGBClassifier', model_format: 'xgb', xgb_version: '2.1.4' }, requirements: ['xgboost==2.1.4'], sizeBytes: 1_204_331 },
    curves: boosting(rng, { startTime: xgbStart, bestRound: 282, patience: 30, initialLoss: 0.6931, bestValidLoss: 0.4123, trainKey: 'train-logloss', validKey: 'valid-logloss' }),
  });
  xgboost.metrics = { ...xgboost.metrics, ...systemMetrics(rng, xgbStart, xgboost.endTime as number, false, 10_000) };
  const lgbStart = at(2, 26, 11, 20, 5);
  const lightgbm = tabularRun(rng, {
    name: 'lightgbm-v1', start: lgbStart, commit: c2, auc: 0.8659, f1: 0.6352,
    params: { model: 'LGBMClassifier', num_leaves: '31', learning_rate: '0.05', n_estimators: '1000', feature_fraction: '0.8', early_stopping_rounds: '30' },
    flavor: { flavor: 'lightgbm', section: { code: null, data: 'model.lgb', lgb_version: '4.6.0', model_class: 'lightgbm.sklearn.LGBMClassifier' }, requirements: ['lightgbm==4.6.0'], sizeBytes: 871_402 },
    curves: boosting(rng, { startTime: lgbStart, bestRound: 236, patience: 30, initialLoss: 0.6931, bestValidLoss: 0.4098, trainKey: 'training-binary_logloss', validKey: 'valid_1-binary_logloss' }),
  });
  const experiment: ExperimentSpec = {
    id: TABULAR_EXPERIMENT_ID, name: 'churn-prediction', creationTime: at(2, 24, 10, 14, 30),
    tags: { team: 'growth' }, description: NOTE,
  };
  return { experiment, runs: [logreg, xgboost, lightgbm], logreg, xgboost, lightgbm };
}
