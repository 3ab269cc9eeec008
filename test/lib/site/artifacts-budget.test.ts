import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/lib/errors.ts';
import { DEFAULT_ARTIFACTS_BUDGET, describeBudget, parseArtifactsBudget } from '../../../src/lib/site/artifacts-budget.ts';

const MB = 1024 * 1024;

describe('parseArtifactsBudget(text)', () => {
  it('reads FILE,RUN,SITE sizes in B, KB, MB and GB', () => {
    expect(parseArtifactsBudget('500KB,5MB,1GB')).toEqual({ file: 500 * 1024, run: 5 * MB, site: 1024 * MB });
    expect(parseArtifactsBudget('1048576, 2m, 3 g')).toEqual({ file: MB, run: 2 * MB, site: 3 * 1024 * MB });
  });

  it('fills a missing run or site budget from the defaults, never below the sizes given', () => {
    expect(parseArtifactsBudget('1MB')).toEqual({ file: MB, run: DEFAULT_ARTIFACTS_BUDGET.run, site: DEFAULT_ARTIFACTS_BUDGET.site });
    expect(parseArtifactsBudget('20MB,300MB')).toEqual({ file: 20 * MB, run: 300 * MB, site: 300 * MB });
  });

  it('turns copying off with 0', () => {
    expect(parseArtifactsBudget('0')).toEqual({ file: 0, run: 0, site: 0 });
    expect(describeBudget(parseArtifactsBudget('0'))).toBe('off');
  });

  it.each(['', 'big', '1MB,', '1TB', '1,2,3,4', '-1MB'])('rejects %j with a usage error', (text) => {
    expect(() => parseArtifactsBudget(text)).toThrow(UsageError);
    expect(() => parseArtifactsBudget(text)).toThrow(/--artifacts-budget takes FILE\[,RUN\[,SITE\]\] sizes/);
  });

  it('refuses a per-file budget over the 25 MB any published file may have', () => {
    expect(() => parseArtifactsBudget('26MB')).toThrow('build: --artifacts-budget: a file may have at most 25 MB (the limit for any published file), got 26MB');
  });
});
