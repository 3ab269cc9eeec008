/**
 * Checks over every meta.yaml of real stores, shared by the regular suite (the stores kept in the
 * repository) and the conformance suite (all the others).
 */
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { expect } from 'vitest';
import { dumpYaml, type YamlMapping } from '../../src/generate/pyyaml.ts';
import { parseFlatYaml } from '../../src/lib/read/flat-yaml.ts';
import { parseWithLibrary, parseYamlMapping } from '../../src/lib/read/yaml.ts';

/** Every meta.yaml below `dir` (`.trash/` included), sorted. */
export function metaYamlFiles(dir: string): string[] {
  return fg.sync('**/meta.yaml', { cwd: dir, absolute: true, dot: true }).sort();
}

/** The fast path agrees with the YAML library on every file it accepts; returns how many it accepted. */
export function expectFastPathAgrees(files: readonly string[]): number {
  let accepted = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const fast = parseFlatYaml(text);
    if (fast === undefined) continue;
    accepted += 1;
    const library = parseWithLibrary(text);
    expect(library.ok ? library.value : library, file).toEqual(fast);
  }
  return accepted;
}

/** Our PyYAML emitter writes every readable file back byte for byte; returns how many it compared. */
export function expectPyyamlRoundTrip(files: readonly string[]): number {
  let compared = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const parsed = parseYamlMapping(text);
    if (!parsed.ok) continue; // the fixtures' deliberately empty meta.yaml files
    expect(dumpYaml(parsed.value as YamlMapping), file).toBe(text);
    compared += 1;
  }
  return compared;
}
