/**
 * A run's params from the three places TensorBoard logs keep them:
 * - the hparams plugin's session start (`_hparams_/session_start_info`): a flat map of
 *   google.protobuf.Values, as PyTorch's `add_hparams`, Lightning and Keras' `hp.KerasCallback` write it;
 * - Lightning's `hparams.yaml` beside the event files: nested, flattened with `.`;
 * - HF Trainer's `args` text summary: `TrainingArguments` as JSON, flattened with `.`.
 * The structured sources (YAML, JSON) win over the plugin's map when both name a key: the plugin
 * holds Lightning's sanitized copy (booleans as 1.0/0.0, None as "None", lists as their repr).
 * Lightning flattens nested hparams for the plugin with `/` (`_flatten_dict`), so a plugin key
 * `optimizer/lr` is the YAML's `optimizer.lr` and is not kept twice. A YAML value that is an opaque
 * Python object gives way to the plugin's text for it (Lightning writes the object's repr there).
 */
import { flattenParams, paramText } from '../flatten.ts';
import { plainValue, type ValueMessage } from './proto.ts';

export interface ParamSources {
  plugin?: Record<string, ValueMessage>;
  args?: Record<string, unknown>;
  yaml?: { value: Record<string, unknown>; opaque: ReadonlySet<string> };
}

export function runParams({ plugin, args, yaml }: ParamSources): Record<string, string> {
  const fromPlugin: Record<string, string> = {};
  for (const [key, value] of Object.entries(plugin ?? {})) fromPlugin[key] = paramText(plainValue(value));
  const structured = { ...(args ? flattenParams(args) : {}), ...(yaml ? flattenParams(yaml.value) : {}) };
  const out: Record<string, string> = { ...structured };
  for (const [key, value] of Object.entries(fromPlugin)) {
    const dotted = key.replaceAll('/', '.');
    if (key !== dotted && Object.hasOwn(structured, dotted)) continue;
    if (!Object.hasOwn(structured, key) || yaml?.opaque.has(key)) out[key] = value;
  }
  return out;
}
