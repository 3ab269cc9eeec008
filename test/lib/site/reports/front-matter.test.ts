import { describe, expect, it } from 'vitest';
import { splitReport } from '../../../../src/lib/site/reports/front-matter.ts';

describe('splitReport(text)', () => {
  it('reads every field, keeps ids as written, and says where the body starts', () => {
    const text = '---\ntitle: "Sweep"\ndate: 2025-02-18\nauthors: maya\nsummary: Short.\ntags: [a, b]\ndraft: true\nexperiments: [427193846021337512, 0]\nruns:\n  - 1e10abcd\n---\n\n# Body\n';
    const split = splitReport(text);
    expect(split.problems).toEqual([]);
    expect(split.front).toEqual({
      title: 'Sweep', date: '2025-02-18', authors: ['maya'], summary: 'Short.', tags: ['a', 'b'], draft: true,
      experiments: ['427193846021337512', '0'], runs: ['1e10abcd'],
    });
    expect(split.body).toBe('\n# Body\n');
    expect(split.bodyOffset).toBe(11);
    expect(split.keyLine('runs')).toBe(9);
  });

  it('names the key and its line for each bad field, with near spellings for unknown keys', () => {
    const split = splitReport('---\ntitle: A\ndate: 2025-02-30\nsummry: x\ndraft: yes\ntags: [[a]]\n---\nbody');
    expect(split.front).toBeUndefined();
    expect(split.problems).toEqual([
      { line: 3, message: 'front matter: date: must be a date written YYYY-MM-DD, got "2025-02-30"' },
      { line: 6, message: 'front matter: tags.0: must be a tag, got a list' },
      { line: 5, message: 'front matter: draft: must be true or false, got "yes"' },
      { line: 4, message: 'front matter: unknown key "summry" (did you mean "summary"?)' },
    ]);
  });

  it('keeps the runs and experiments named when only other fields are wrong', () => {
    const split = splitReport('---\ntitle: A\nsummry: x\nruns: [abc]\n---\n');
    expect(split.references).toEqual({ runs: ['abc'] });
  });

  it('requires a title, front matter at all, and YAML that parses', () => {
    expect(splitReport('---\nsummary: x\n---\n').problems).toEqual([{ line: 1, message: 'front matter: title: is required' }]);
    expect(splitReport('# No front matter\n').problems[0]?.message).toMatch(/^no front matter: a report starts with a --- line/);
    expect(splitReport('---\ntitle: [\n---\n').problems).toEqual([{ line: 2, message: expect.stringMatching(/^front matter: Flow sequence/) }]);
    expect(splitReport('---\ntitle: A\ntitle: B\n---\n').problems).toEqual([{ line: 3, message: 'front matter: Map keys must be unique' }]);
    expect(splitReport('---\n- a\n---\n').problems).toEqual([{ line: 1, message: 'front matter: must be keys and values (title: …), got a list' }]);
  });
});
