import { describe, expect, it } from 'vitest';
import { type CoachingJourney, coachingJourneys, type FileToCoach } from './coaching-journeys.ts';
import { randomFor } from './random.ts';

const DAY = 86_400_000;
const now = new Date('2027-01-15T15:00:00Z');

function files(count: number): FileToCoach[] {
  const random = randomFor(5, 'files');
  return Array.from({ length: count }, (_, i) => ({
    expert: i % 12,
    expertLanguage: 'fr' as const,
    demoExpert: i % 12 === 0,
    demoRetailer: i === 0,
    assignedAt: new Date(now.getTime() - random.pick([63, 56, 42, 28, 14, 7]) * DAY),
    diagnosed: random.chance(0.9),
    language: random.chance(0.85) ? ('fr' as const) : ('en' as const),
    remote: random.chance(0.2),
  }));
}

describe('demo coaching journeys', () => {
  const coached = files(600);
  const journeys = coachingJourneys(coached, now, 5);
  const sessions = (test: (j: CoachingJourney, f: FileToCoach) => boolean = () => true) =>
    journeys.flatMap((j, i) =>
      test(j, coached[i]!) ? j.sessions.map((s) => ({ ...s, file: coached[i]! })) : [],
    );

  it('are the same for the same seed', () => {
    expect(coachingJourneys(coached, now, 5)).toEqual(journeys);
  });

  it('never book two sessions of one expert at once, and keep held sessions behind and one at most ahead', () => {
    for (let expert = 0; expert < 12; expert++) {
      const mine = sessions((_, f) => f.expert === expert).sort(
        (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
      );
      for (let k = 1; k < mine.length; k++)
        expect(mine[k]!.startsAt.getTime()).toBeGreaterThanOrEqual(
          mine[k - 1]!.startsAt.getTime() + mine[k - 1]!.durationMinutes * 60_000,
        );
    }
    for (const [i, j] of journeys.entries()) {
      expect(j.sessions.filter((s) => !s.record).length).toBeLessThanOrEqual(1);
      for (const s of j.sessions) {
        expect(s.scheduledAt.getTime()).toBeLessThan(s.startsAt.getTime());
        expect(s.scheduledAt.getTime()).toBeLessThan(now.getTime());
        expect(s.scheduledAt.getTime()).toBeGreaterThan(coached[i]!.assignedAt.getTime());
        if (s.record) {
          expect(s.startsAt.getTime()).toBeLessThan(now.getTime());
          expect(s.record.at.getTime()).toBeGreaterThan(s.startsAt.getTime());
          expect(s.record.at.getTime()).toBeLessThan(now.getTime());
          expect((s.record.hours * 4) % 1).toBe(0);
        } else expect(s.startsAt.getTime()).toBeGreaterThan(now.getTime());
        if (coached[i]!.remote) expect(s.mode).not.toBe('in_store');
      }
    }
  });

  it('save plans after a session (approved after the second), and close a few files in the past', () => {
    for (const [i, j] of journeys.entries()) {
      if (j.plan && !coached[i]!.demoRetailer) {
        expect(coached[i]!.diagnosed).toBe(true);
        // Drafted after the first session, or approved after the second.
        const after = j.sessions[j.plan.approved ? 1 : 0]!.record!.at;
        expect(j.plan.savedAt.getTime()).toBeGreaterThan(after.getTime());
        expect(j.plan.savedAt.getTime()).toBeLessThan(now.getTime());
      }
      if (j.closure) {
        expect(j.closure.at.getTime()).toBeLessThan(now.getTime());
        expect(j.sessions.every((s) => s.record && s.startsAt < j.closure!.at)).toBe(true);
        if (j.closure.outcome === 'completed') {
          expect(j.plan?.approved).toBe(true);
          expect(j.plan!.savedAt.getTime()).toBeLessThan(j.closure.at.getTime());
        } else expect(j.closure.reason).toBeTruthy();
      }
    }
    const count = (test: (j: CoachingJourney) => boolean) => journeys.filter(test).length;
    expect(count((j) => j.sessions.length === 0)).toBeGreaterThan(20); // silent files, flagged
    expect(count((j) => j.plan?.approved === true)).toBeGreaterThan(100);
    expect(count((j) => j.plan?.approved === false)).toBeGreaterThan(20);
    expect(count((j) => j.closure?.outcome === 'completed')).toBeGreaterThan(3);
    expect(count((j) => j.closure?.outcome === 'abandoned')).toBeGreaterThan(3);
    expect(count((j) => j.closure !== null)).toBeLessThan(120);
  });

  it('give the demo retailer a session behind, one this week and an approved plan, and the demo expert a busy week', () => {
    const demo = journeys[0]!;
    expect(demo.sessions).toHaveLength(2);
    expect(demo.sessions[0]!.record).not.toBeNull();
    expect(demo.sessions[1]!.startsAt.getTime() - now.getTime()).toBeLessThan(7 * DAY);
    expect(demo.plan?.approved).toBe(true);
    expect(demo.closure).toBeNull();
    const thisWeek = sessions((_, f) => f.demoExpert).filter(
      (s) => !s.record && !s.cancelledAt && s.startsAt.getTime() - now.getTime() < 7 * DAY,
    );
    expect(thisWeek.length).toBeGreaterThanOrEqual(4);
  });
});
