/**
 * What a Summary.Value holds, as TensorBoard decides it (data/server/data_compat.rs): the first
 * value of a tag in a run fixes the tag's plugin — its metadata when it names one, else
 * `scalars` for `simple_value`, `images`, `audio` and `histograms` for the TF 1.x kinds — and
 * later values of the tag are read as that plugin's data whether or not they repeat the
 * metadata (TF 2 repeats it, PyTorch never writes it).
 */
import { DATA_CLASS_SCALAR, DT, type SummaryMetadataMessage, type SummaryValueMessage, type TensorMessage } from './proto.ts';

export const PLUGIN = { scalars: 'scalars', hparams: 'hparams', text: 'text', histograms: 'histograms', images: 'images', audio: 'audio' } as const;

/** The plugin a tag's first value gives it (`''` when nothing names one). */
export function pluginOf(value: SummaryValueMessage): string {
  const metadata = value.metadata;
  const named = metadata?.plugin_data?.plugin_name ?? '';
  if (metadata && metadata.data_class === DATA_CLASS_SCALAR) return PLUGIN.scalars;
  if (named && metadata && metadata.data_class !== 0) return named;
  switch (value.value) {
    case 'simple_value':
      return PLUGIN.scalars;
    case 'image':
      return PLUGIN.images;
    case 'audio':
      return PLUGIN.audio;
    case 'histo':
      return PLUGIN.histograms;
    default:
      return named;
  }
}

/**
 * The number of a scalar value: `simple_value`, or a rank-0 DT_FLOAT / DT_DOUBLE tensor in
 * `float_val` / `double_val` or as little-endian `tensor_content` bytes (TF 2 writes the bytes).
 * Undefined for anything else (TensorBoard drops such values of a scalar series as data loss).
 */
export function scalarOf(value: SummaryValueMessage): number | undefined {
  if (value.value === 'simple_value') return value.simple_value;
  const tensor = value.tensor;
  if (value.value !== 'tensor' || !tensor) return undefined;
  if ((tensor.tensor_shape?.dim.length ?? 0) !== 0) return undefined;
  if (tensor.dtype === DT.float) return tensor.float_val.length === 1 ? tensor.float_val[0] : fromContent(tensor, 4);
  if (tensor.dtype === DT.double) return tensor.double_val.length === 1 ? tensor.double_val[0] : fromContent(tensor, 8);
  return undefined;
}

function fromContent(tensor: TensorMessage, width: 4 | 8): number | undefined {
  const bytes = tensor.tensor_content;
  if (tensor.float_val.length > 0 || tensor.double_val.length > 0 || bytes.length !== width) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, width);
  return width === 4 ? view.getFloat32(0, true) : view.getFloat64(0, true);
}

/** The text of a text-plugin value (a DT_STRING tensor of one string), or undefined. */
export function textOf(value: SummaryValueMessage): string | undefined {
  const tensor = value.tensor;
  if (value.value !== 'tensor' || !tensor || tensor.dtype !== DT.string || tensor.string_val.length !== 1) return undefined;
  return Buffer.from(tensor.string_val[0] as Uint8Array).toString('utf8');
}

/** The plugin's own content bytes (the hparams plugin keeps its data there). */
export function pluginContent(metadata: SummaryMetadataMessage | null | undefined, plugin: string): Uint8Array | undefined {
  const data = metadata?.plugin_data;
  return data && data.plugin_name === plugin ? data.content : undefined;
}
