import { describe, expect, it } from 'vitest';
import { editDistance, nearestNames, suggestion } from '../../../../src/lib/site/reports/suggest.ts';

describe('editDistance(a, b, limit)', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('stops at limit + 1 once the distance must exceed the limit', () => {
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('nearestNames(name, candidates)', () => {
  const metrics = ['val/accuracy', 'val/loss', 'train/loss', 'lr', 'system/gpu_utilization_percentage'];

  it('reads /, _, -, . and spaces as one separator and ignores case', () => {
    expect(nearestNames('val_accuracy', metrics)).toEqual(['val/accuracy']);
    expect(nearestNames('Train-Loss', metrics)).toEqual(['train/loss']);
  });

  it('finds a name the given one is part of (the closest fit first), and small typos', () => {
    expect(nearestNames('val_acc', metrics)).toEqual(['val/accuracy']);
    expect(nearestNames('val/los', metrics)).toEqual(['val/loss']);
    expect(nearestNames('loss', metrics)).toEqual(['val/loss', 'train/loss']);
    expect(nearestNames('cifar-resnet', ['cifar10-resnet', 'churn-prediction'])).toEqual(['cifar10-resnet']);
  });

  it('gives nothing when no name is near, at most three, nearest first then by name', () => {
    expect(nearestNames('throughput', metrics)).toEqual([]);
    expect(nearestNames('a', ['ab', 'ac', 'ad', 'ae'])).toEqual(['ab', 'ac', 'ad']);
  });
});

describe('suggestion(name, candidates, kind)', () => {
  it('asks "did you mean" with the nearest names', () => {
    expect(suggestion('val_acc', ['val/accuracy', 'lr'], 'metrics')).toBe(' (did you mean "val/accuracy"?)');
  });

  it('lists the first names that exist when none is near, or says there are none', () => {
    expect(suggestion('zzz', ['b', 'a'], 'metrics')).toBe(' (metrics: "a", "b")');
    expect(suggestion('zzz', ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'], 'params')).toBe(' (params: "a1", "a2", "a3", "a4", "a5", … 2 more)');
    expect(suggestion('zzz', [], 'metrics')).toBe(' (there are no metrics)');
  });
});
