/**
 * Helpers shared by the parts of the file-store reader: a meta.yaml through its schema, and a
 * folder of one-value-per-file entries (params, tags), each with its warn-and-skip rule.
 */
import type { z } from 'zod';
import { setOwn } from '../../order.ts';
import { readText, walkFiles } from '../fs.ts';
import type { Warnings } from '../warnings.ts';
import { parseYamlMapping } from '../yaml.ts';
import { describeSchemaError } from './meta-schemas.ts';

/** meta.yaml files are small; anything bigger than this is not one. */
const MAX_META_BYTES = 4 * 1024 * 1024;

export interface StoreDir {
  /** Absolute path. */
  abs: string;
  /** Path relative to the store root, `/`-separated (what warnings show). */
  rel: string;
}

export function child(dir: StoreDir, name: string): StoreDir {
  // Plain concatenation: paths below the (resolved) root need no normalizing.
  return { abs: `${dir.abs}/${name}`, rel: dir.rel ? `${dir.rel}/${name}` : name };
}

/**
 * The parsed `meta.yaml` of `dir`, or undefined after a warning "<what> skipped" when it is missing,
 * empty, not YAML, not a mapping or fails the schema.
 */
export function readMeta<S extends z.ZodType>(
  dir: StoreDir,
  schema: S,
  what: string,
  warnings: Warnings,
): z.output<S> | undefined {
  const file = child(dir, 'meta.yaml');
  const text = readText(file.abs, MAX_META_BYTES);
  if (!text.ok) {
    if (text.message === 'file is missing') warnings.add(dir.rel, `folder without meta.yaml; ${what} skipped`);
    else warnings.add(file.rel, `${text.message}; ${what} skipped`);
    return undefined;
  }
  const yaml = parseYamlMapping(text.text);
  if (!yaml.ok) {
    warnings.add(file.rel, `${yaml.message}; ${what} skipped`);
    return undefined;
  }
  const parsed = schema.safeParse(yaml.value, { reportInput: true });
  if (!parsed.success) {
    warnings.add(file.rel, `${describeSchemaError(parsed.error)}; ${what} skipped`);
    return undefined;
  }
  return parsed.data;
}

/**
 * A folder holding one value per file (params/, tags/): key = path under the folder, `/`-joined
 * (a tag `a/b` is the file `tags/a/b`). A file that is not UTF-8 is skipped with a warning.
 */
export function readValueFolder(dir: StoreDir, kind: string, warnings: Warnings): Record<string, string> {
  const values: Record<string, string> = {};
  const files = walkFiles(dir.abs, (rel) => warnings.add(`${dir.rel}/${rel}`, 'symbolic link not followed'));
  for (const file of files) {
    const text = readText(file.abs);
    if (text.ok) setOwn(values, file.path, text.text);
    else warnings.add(`${dir.rel}/${file.path}`, `${text.message}; ${kind} skipped`);
  }
  return values;
}
