import { describe, expect, it } from 'vitest';
import { answersFromQuery, answersQuery } from './precheck-answers.ts';

describe("the pre-check's answers carried to the application", () => {
  it('travel in a query string, in the order the pre-check asks them, and become business facts', () => {
    const query = answersQuery({
      foundedYear: '2015',
      employees: ' 12 ',
      naics: '458',
      neq: '1143 920 115',
      postalCode: 'h2x 1y4',
      region: '06',
      csrf: 'not an answer',
    });
    expect(query).toBe(
      'region=06&postalCode=h2x+1y4&neq=1143+920+115&naics=458&employees=12&foundedYear=2015',
    );
    const { business, kept } = answersFromQuery(new URLSearchParams(query));
    expect(business).toEqual({
      region: '06',
      postalCode: 'H2X 1Y4',
      neq: '1143920115',
      naics: '458',
      employees: 12,
      foundedYear: 2015,
    });
    expect(kept.toString()).toBe(query);
  });

  it('leave out an answer edited into one the application would refuse', () => {
    const { business, kept } = answersFromQuery(
      new URLSearchParams('region=99&postalCode=K1A0B1&employees=douze&naics=458'),
    );
    expect(business).toEqual({ naics: '458' });
    expect(kept.toString()).toBe('naics=458');
  });
});
