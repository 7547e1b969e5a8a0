import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ApplicationFacts,
  conversions,
  FUNNEL_BASE,
  FUNNEL_STEPS,
  type FunnelCounts,
  funnelCounts,
  type PrecheckFacts,
} from './funnel.ts';

const none = {
  region: '06',
  partnerId: null,
  expertId: null,
  eligible: true,
  acceptedAt: null,
  waitlistedAt: null,
  t0DoneAt: null,
  assignedAt: null,
  planApprovedAt: null,
  closedAt: null,
  t1DoneAt: null,
};
const app = (submitted: string, more: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  ...none,
  submittedAt: new Date(`${submitted}T15:00:00Z`),
  ...more,
});
const day = (d: string) => new Date(`${d}T15:00:00Z`);

const applications = [
  app('2026-04-02', {
    acceptedAt: day('2026-04-10'),
    t0DoneAt: day('2026-04-20'),
    assignedAt: day('2026-04-22'),
    planApprovedAt: day('2026-05-10'),
    closedAt: day('2026-08-01'),
    t1DoneAt: day('2026-09-01'),
  }),
  app('2026-04-03', {
    acceptedAt: day('2026-04-11'),
    t0DoneAt: day('2026-04-21'),
    expertId: 'e1',
    assignedAt: day('2026-04-25'),
  }),
  app('2026-04-04', { waitlistedAt: day('2026-04-12'), region: '03', partnerId: 'p1' }),
  app('2026-04-05', { eligible: false }),
  app('2026-07-01', { acceptedAt: day('2026-07-02') }),
];
const prechecks: PrecheckFacts[] = [
  { at: day('2026-04-01'), region: '06' },
  { at: day('2026-04-01'), region: '06' },
  { at: day('2026-04-02'), region: '03' },
  { at: day('2026-04-02'), region: null },
  { at: day('2026-03-31'), region: '06' },
];

describe('program funnel', () => {
  it('counts a cohort chosen by submission day, and the steps it reached by the day it is read on', () => {
    const counts = funnelCounts(
      { applications, prechecks },
      { from: '2026-04-01', to: '2026-06-30', asOf: '2026-12-31' },
    );
    expect(counts).toEqual({
      prechecks: 4,
      applications: 4,
      eligible: 3,
      accepted: 2,
      waitlisted: 1,
      t0_done: 2,
      assigned: 2,
      plan_approved: 1,
      closed: 1,
      t1_done: 1,
    });
  });

  it('does not count a milestone reached after the day it is read on', () => {
    const counts = funnelCounts({ applications, prechecks }, { from: '2026-04-01', asOf: '2026-05-01' });
    expect(counts.accepted).toBe(2);
    expect(counts.plan_approved).toBe(0);
    expect(counts.closed).toBe(0);
  });

  it('filters by region, partner and expert; pre-checks cannot be tied to a partner or an expert', () => {
    const facts = { applications, prechecks };
    expect(funnelCounts(facts, { region: '03', asOf: '2026-12-31' })).toMatchObject({
      prechecks: 1,
      applications: 1,
      waitlisted: 1,
    });
    expect(funnelCounts(facts, { partnerId: 'p1', asOf: '2026-12-31' })).toMatchObject({
      prechecks: null,
      applications: 1,
    });
    expect(funnelCounts(facts, { expertId: 'e1', asOf: '2026-12-31' })).toMatchObject({
      prechecks: null,
      applications: 1,
      assigned: 1,
    });
  });

  it('gives each step its conversion from the step it comes from, rounded half up to one decimal', () => {
    const counts = funnelCounts(
      { applications, prechecks },
      { from: '2026-04-01', to: '2026-06-30', asOf: '2026-12-31' },
    );
    const byStep = Object.fromEntries(conversions(counts).map((c) => [c.step, c]));
    expect(byStep.eligible).toEqual({
      step: 'eligible',
      from: 'applications',
      numerator: 3,
      denominator: 4,
      percent: 75,
    });
    expect(byStep.accepted).toMatchObject({ from: 'eligible', numerator: 2, denominator: 3, percent: 66.7 });
    expect(byStep.waitlisted).toMatchObject({ from: 'eligible', percent: 33.3 });
    expect(byStep.t1_done).toMatchObject({ from: 'closed', percent: 100 });
  });

  it('gives no percentage against an empty or unknown step', () => {
    const empty = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as FunnelCounts;
    expect(conversions({ ...empty, prechecks: null }).every((c) => c.percent === null)).toBe(true);
  });

  it('never counts more at a step than applications in the cohort, and one conversion per step but the first (property)', () => {
    const instant = fc.option(
      fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
    );
    const facts = fc.record({
      submittedAt: fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
      region: fc.constantFrom('03', '06', null),
      partnerId: fc.constantFrom('p1', null),
      expertId: fc.constantFrom('e1', 'e2', null),
      eligible: fc.constantFrom(true, false, null),
      acceptedAt: instant,
      waitlistedAt: instant,
      t0DoneAt: instant,
      assignedAt: instant,
      planApprovedAt: instant,
      closedAt: instant,
      t1DoneAt: instant,
    });
    fc.assert(
      fc.property(
        fc.array(facts, { maxLength: 30 }),
        fc.constantFrom('2026-06-30', '2027-12-31'),
        (apps, asOf) => {
          const counts = funnelCounts({ applications: apps, prechecks: [] }, { asOf });
          for (const step of FUNNEL_STEPS.slice(1))
            expect(counts[step]!).toBeLessThanOrEqual(counts.applications!);
          // Reading later never loses a step reached.
          const later = funnelCounts({ applications: apps, prechecks: [] }, { asOf: '2028-01-01', to: asOf });
          for (const step of FUNNEL_STEPS.slice(1))
            expect(later[step]!).toBeGreaterThanOrEqual(counts[step]!);
          expect(conversions(counts).map((c) => c.step)).toEqual(Object.keys(FUNNEL_BASE));
        },
      ),
    );
  });
});
