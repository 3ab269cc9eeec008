/**
 * `runfolio build` with reports whose references are broken, through the real executable: the
 * build stops before writing anything, exits 3, and prints every problem on a line of its own,
 * `FILE:LINE: what is wrong`, the file as the user named it, no stack trace.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { tempDir, writeTree } from '../support/tmp.ts';

const YOLO = join(FIXTURES, 'real/yolo-slash/mlruns');

describe('runfolio build with broken report references', () => {
  const work = writeTree(tempDir(), {
    'content/reports/sweep.md': [
      '---',
      'title: Sweep',
      'runs: [/Shared/YOLOv8/adamtset]',
      '---',
      '',
      'The best run reaches `runfolio:value best=/Shared/YOLOv8 metric=metrics/mAP50-95B`.',
      '',
      '```runfolio leaderboard',
      'experiment: /Shared/YOLOv8',
      'metric: metrics/mAP50',
      '```',
      '',
    ].join('\n'),
    'content/reports/draft.md': '---\ntitle: Later\ndraft: true\n---\n\n`runfolio:link run=/Shared/YOLOv8/nope`\n',
  });

  it('exits 3 naming each file, line and missing thing with the nearest names, and writes no page', () => {
    const result = runCli(['build', '--store', YOLO, '--content', 'content', '--out', 'site'], { cwd: work });
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toEqual([
      'runfolio: 2 problems in reports:',
      'content/reports/sweep.md:3: front matter: no run matches "/Shared/YOLOv8/adamtset" (give a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS) (did you mean "/Shared/YOLOv8/adamtest"?)',
      'content/reports/sweep.md:10: leaderboard: no run of "/Shared/YOLOv8" has metric "metrics/mAP50" (did you mean "metrics/mAP50B", "metrics/mAP50-95B"?)',
    ]);
    expect(existsSync(join(work, 'site', 'index.html'))).toBe(false);
  });

  it('checks drafts too when asked to publish them', () => {
    const result = runCli(['build', '--store', YOLO, '--content', 'content', '--out', 'site', '--drafts'], { cwd: work });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^runfolio: 3 problems in reports:\n/);
    expect(result.stderr).toContain('content/reports/draft.md:6: link: no run matches "/Shared/YOLOv8/nope"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists --drafts in the help of build', () => {
    expect(runCli(['build', '--help']).stdout).toMatch(/--drafts +Also publish the reports whose front matter says draft: true\./);
  });
});
