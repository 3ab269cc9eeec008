import { describe, expect, it } from 'vitest';
import { withParams } from '../../../src/components/page/url-state.ts';
import { choiceParams, defaultChoices, readChoices } from '../../../src/components/panels/panel-state.ts';

const metrics = ['val_loss', 'train/loss', 'a,b%c', 'test_loss'];
const defaults = ['val_loss', 'test_loss'];

describe('readChoices(search, metrics, defaults) / choiceParams(choices, defaults)', () => {
  it('gives the defaults for an address without panel parameters', () => {
    expect(readChoices('?filter=x', metrics, defaults)).toEqual(defaultChoices(defaults));
    expect(choiceParams(defaultChoices(defaults), defaults)).toEqual({ charts: undefined, x: undefined, log: undefined, smooth: undefined, outliers: undefined, band: undefined });
  });

  it('round-trips every choice through the address, keys with commas and percent signs included', () => {
    const choices = { charts: ['a,b%c', 'train/loss'], x: 'rel' as const, log: 'log' as const, smooth: 0.6, range: 'outliers' as const, band: 'minmax' as const };
    const search = withParams('?filter=metrics.a%20%3E%201', choiceParams(choices, defaults));
    expect(readChoices(search, metrics, defaults)).toEqual(choices);
    expect(new URLSearchParams(search).get('filter')).toBe('metrics.a > 1');
    const linear = withParams('', choiceParams({ ...choices, log: 'linear', range: 'full' }, defaults));
    expect(readChoices(linear, metrics, defaults)).toMatchObject({ log: 'linear', range: 'full' });
  });

  it('keeps "no charts" apart from the default charts', () => {
    const none = withParams('', choiceParams({ ...defaultChoices(defaults), charts: [] }, defaults));
    expect(readChoices(none, metrics, defaults).charts).toEqual([]);
  });

  it('falls back to defaults for values it cannot use, and drops unknown or repeated metrics', () => {
    const choices = readChoices('?charts=nope,val_loss,val_loss&x=sideways&log=maybe&smooth=7&outliers=yes&band=wide', metrics, defaults);
    expect(choices).toEqual({ ...defaultChoices(defaults), charts: ['val_loss'], smooth: 0.99 });
    expect(readChoices('?smooth=-1', metrics, defaults).smooth).toBe(0);
  });
});
