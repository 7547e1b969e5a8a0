import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { FUNNEL_STEPS } from './funnel.ts';
import { BREAKDOWNS, INDICATORS, indicatorById, indicatorKeys, UNITS } from './indicators.ts';

/** The text at a `reporting:` key in one language's file, if any. */
function text(messages: unknown, qualified: string): unknown {
  return qualified
    .replace(/^reporting:/, '')
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('indicators', () => {
  it('have unique ids, and a label and a definition in French and English', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const indicator of INDICATORS) {
      for (const key of Object.values(indicatorKeys(indicator.id))) {
        expect(typeof text(fr, key), `fr ${key}`).toBe('string');
        expect(typeof text(en, key), `en ${key}`).toBe('string');
      }
    }
  });

  it('name every unit, breakdown and funnel step in both languages', () => {
    const keys = [
      ...UNITS.map((u) => `reporting:units.${u}`),
      ...BREAKDOWNS.map((b) => `reporting:breakdowns.${b}`),
      ...FUNNEL_STEPS.map((s) => `reporting:funnel.steps.${s}`),
    ];
    for (const key of keys) {
      expect(typeof text(fr, key), `fr ${key}`).toBe('string');
      expect(typeof text(en, key), `en ${key}`).toBe('string');
    }
  });

  it('submit every count of businesses and every sum to disclosure control with totals', () => {
    expect(indicatorById('businesses_supported')).toMatchObject({ unit: 'businesses', control: 'count' });
    expect(indicatorById('aid_paid')).toMatchObject({ unit: 'cad', control: 'sum' });
    expect(indicatorById('maturity_gain')).toMatchObject({
      control: 'mean',
      breakdowns: expect.arrayContaining(['dimension']),
    });
    for (const indicator of INDICATORS) {
      if (indicator.unit === 'businesses' || indicator.unit === 'files')
        expect(indicator.control).toBe('count');
      if (indicator.unit === 'cad' || indicator.unit === 'hours' || indicator.unit === 'jobs')
        expect(indicator.control).toBe('sum');
    }
    expect(indicatorById('nothing')).toBeUndefined();
  });
});
