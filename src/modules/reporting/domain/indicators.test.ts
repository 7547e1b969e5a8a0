import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorById } from './indicators.ts';

describe('indicators', () => {
  it('have unique ids', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
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
