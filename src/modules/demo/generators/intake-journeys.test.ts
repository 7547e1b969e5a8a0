import { describe, expect, it } from 'vitest';
import { generateBusinesses } from './businesses.ts';
import { DEMO_RETAILER_JOURNEY, intakeJourneys, PROGRAM_AGE_DAYS } from './intake-journeys.ts';

describe('demo intake journeys', () => {
  const businesses = generateBusinesses(1000, 11);
  const journeys = intakeJourneys(businesses, 11);
  const share = (test: (j: (typeof journeys)[number]) => boolean) =>
    journeys.filter(test).length / journeys.length;

  it('are the same for the same seed', () => {
    expect(intakeJourneys(businesses, 11)).toEqual(journeys);
    expect(intakeJourneys(businesses, 12)).not.toEqual(journeys);
  });

  it('have most retailers apply, a few keep a draft, and the coordinator accept most of them', () => {
    expect(share((j) => j.application === 'submitted')).toBeGreaterThan(0.85);
    expect(share((j) => j.application === 'draft')).toBeGreaterThan(0.01);
    expect(share((j) => j.stance === 'accept')).toBeGreaterThan(0.8);
    for (const stance of ['refuse', 'ask_information', 'leave_pending'] as const)
      expect(share((j) => j.stance === stance)).toBeGreaterThan(0.01);
  });

  it('happen in order, within the program’s life, in the retailer’s language', () => {
    for (const [i, j] of journeys.entries()) {
      expect(j.submittedDaysAgo).toBeLessThan(PROGRAM_AGE_DAYS);
      expect(j.submittedDaysAgo).toBeGreaterThanOrEqual(1);
      if (j.application === 'submitted') expect(j.startedDaysAgo).toBeGreaterThan(j.submittedDaysAgo);
      expect(j.decidedDaysAgo).toBeLessThan(j.submittedDaysAgo - 1);
      if (j.withdrawsDaysAgo !== null) {
        expect(j.withdrawsDaysAgo).toBeLessThan(j.submittedDaysAgo);
        expect(j.withdrawsDaysAgo).toBeGreaterThan(j.decidedDaysAgo);
      }
      if (j.stance === 'refuse' || j.stance === 'ask_information') expect(j.reason).toBeTruthy();
      if (businesses[i]!.contact.locale === 'en') expect(j.goals).not.toMatch(/[éè]|\bnos\b/);
      expect(j.referred).toBe(j.referred && businesses[i]!.municipalityName === 'Québec');
      expect(j.maturity).toBeGreaterThan(0);
      expect(j.maturity).toBeLessThan(1);
    }
    const maturities = journeys.map((j) => j.maturity);
    expect(Math.max(...maturities) - Math.min(...maturities)).toBeGreaterThan(0.6);
  });

  it('give the demo retailer an accepted application with a completed diagnostic', () => {
    expect(DEMO_RETAILER_JOURNEY).toMatchObject({
      application: 'submitted',
      stance: 'accept',
      withdrawsDaysAgo: null,
      diagnostic: { completes: true },
    });
  });
});
