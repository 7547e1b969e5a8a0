import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { SPECIALTY_IDS } from '../../experts/index.ts';
import { demoExperts, expertCapacity } from './experts.ts';

describe('demo experts', () => {
  const experts = demoExperts(7);

  it('are the demo expert and eleven colleagues, the same for the same seed', () => {
    expect(experts).toHaveLength(12);
    expect(experts[0]!.account).toBeNull();
    expect(experts.slice(1).every((e) => e.account !== null)).toBe(true);
    expect(demoExperts(7)).toEqual(experts);
    expect(demoExperts(8).map((e) => e.account?.name)).not.toEqual(experts.map((e) => e.account?.name));
  });

  it('cover every region and specialty, speak French (a few also English), with two or three specialties', () => {
    expect(new Set(experts.flatMap((e) => e.regions))).toEqual(new Set(REGION_CODES));
    expect(new Set(experts.flatMap((e) => e.specialties))).toEqual(new Set(SPECIALTY_IDS));
    for (const e of experts) {
      expect(e.languages).toContain('fr');
      expect(e.specialties.length).toBeGreaterThanOrEqual(2);
      expect(e.specialties.length).toBeLessThanOrEqual(3);
      expect(new Set(e.specialties).size).toBe(e.specialties.length);
    }
    const english = experts.filter((e) => e.languages.includes('en')).length;
    expect(english).toBeGreaterThan(1);
    expect(english).toBeLessThan(6);
    const emails = experts.flatMap((e) => (e.account ? [e.account.email] : []));
    expect(new Set(emails).size).toBe(11);
    for (const email of emails) expect(email).toMatch(/^[a-z.']+@demo\.virage\.quebec$/);
  });

  it('have room for every accepted business, with a little to spare', () => {
    for (const accepted of [0, 25, 190, 1950, 3000]) {
      const capacity = expertCapacity(accepted, 12);
      expect(capacity * 12).toBeGreaterThanOrEqual(accepted);
      expect(capacity * 12).toBeLessThanOrEqual(Math.max(36, accepted * 1.2));
    }
  });
});
