import { describe, expect, it } from 'vitest';
import { factsFrom, futureFoundingYearIssue, mayPreviewEligibility } from './facts.ts';

describe('founding year', () => {
  // 31 December 2026 at 23:30 in Montréal is already 2027 in UTC.
  const newYearsEve = new Date('2027-01-01T04:30:00Z');

  it('refuses a year after the current one in Montréal, naming the field', () => {
    expect(futureFoundingYearIssue('business.foundedYear', 2090, newYearsEve)).toEqual({
      path: 'business.foundedYear',
      key: 'intake:validation.founded_year_future',
      params: { year: '2026' },
    });
    expect(futureFoundingYearIssue('foundedYear', 2027, newYearsEve)?.path).toBe('foundedYear');
  });

  it('accepts the current year, earlier ones, and no year at all', () => {
    expect(futureFoundingYearIssue('foundedYear', 2026, newYearsEve)).toBeUndefined();
    expect(futureFoundingYearIssue('foundedYear', 1998, newYearsEve)).toBeUndefined();
    expect(futureFoundingYearIssue('foundedYear', undefined, newYearsEve)).toBeUndefined();
    expect(futureFoundingYearIssue('foundedYear', null, newYearsEve)).toBeUndefined();
  });

  it('counts years in operation by the same calendar year', () => {
    expect(factsFrom({ foundedYear: 2025 }, newYearsEve).yearsInOperation).toBe(1);
  });
});

describe('previewing eligibility before submission', () => {
  const now = new Date('2027-01-15T15:00:00Z');
  const complete = {
    neq: '1143920115',
    postalCode: 'H2X 1Y4',
    region: '06',
    naics: '458',
    employees: 0,
    foundedYear: 2015,
  };
  it('needs every fact the pre-check asks for, and no founding year to come', () => {
    expect(mayPreviewEligibility(complete, now)).toBe(true);
    expect(mayPreviewEligibility({ ...complete, region: null }, now)).toBe(false);
    expect(mayPreviewEligibility({ ...complete, employees: null }, now)).toBe(false);
    expect(mayPreviewEligibility({ ...complete, foundedYear: 2030 }, now)).toBe(false);
  });
});
