import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpYaml, type YamlMapping } from '../../src/generate/pyyaml.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { expectPyyamlRoundTrip, metaYamlFiles } from '../support/meta-yaml.ts';


describe('dumpYaml(mapping)', () => {
  // Expected texts are PyYAML 6.0 output: yaml.dump(x, Dumper=CSafeDumper, default_flow_style=False,
  // allow_unicode=True, sort_keys=True), the call in mlflow/utils/yaml_utils.py write_yaml.
  const pyyaml: [YamlMapping, string][] = [
    [{ experiment_id: '0', start_time: 1754805449193, end_time: null, tags: [], entry_point_name: '' },
      "end_time: null\nentry_point_name: ''\nexperiment_id: '0'\nstart_time: 1754805449193\ntags: []\n"],
    [{ name: 'yes', n2: 'null', n3: '1.5', n4: '2024-01-01', n5: 'None', n6: '1e5', n7: '~' },
      "n2: 'null'\nn3: '1.5'\nn4: '2024-01-01'\nn5: None\nn6: 1e5\nn7: '~'\nname: 'yes'\n"],
    [{ k: "it's: here #1" }, "k: 'it''s: here #1'\n"],
    [{ run_name: 'modèle 😀' }, 'run_name: "modèle \\U0001F600"\n'],
    [{ tabbed: 'a\tb' }, 'tabbed: "a\\tb"\n'],
    [{ description: 'line one\nline two' }, "description: 'line one\n\n  line two'\n"],
    [{ source: '{"tags": {"mlflow.user": "ipkov", "mlflow.source.name": "H:\\\\Projects\\\\train.py", "mlflow.source.type": "LOCAL"}}' },
      'source: \'{"tags": {"mlflow.user": "ipkov", "mlflow.source.name": "H:\\\\Projects\\\\train.py",\n  "mlflow.source.type": "LOCAL"}}\'\n'],
    [{ tags: { 'mlflow.data.context': 'train' }, aliases: { champion: '2' } }, "aliases:\n  champion: '2'\ntags:\n  mlflow.data.context: train\n"],
    [{ x: ' leading and trailing ' }, "x: ' leading and trailing '\n"],
  ];

  it.each(pyyaml)('writes %j as PyYAML with libyaml does', (input, expected) => {
    expect(dumpYaml(input)).toBe(expected);
  });

  it('reproduces every real MLflow 2.x/3.x meta.yaml byte for byte from its parsed content', () => {
    // augury is MLflow 1.x, which quoted run names its own way; every later writer is PyYAML's safe_dump.
    const files = ['packt-hpt', 'yolo-slash'].flatMap((store) => metaYamlFiles(join(FIXTURES, 'real', store)));
    const compared = expectPyyamlRoundTrip(files);
    expect(compared).toBeGreaterThan(20);
  });

  it('refuses floats rather than guess how Python would spell them', () => {
    expect(() => dumpYaml({ value: 0.5 })).toThrow(/only integers/);
  });
});
