import type { Ctx } from '../../../platform/context.ts';
import { confirmAssignments, createExpert, proposeAssignments } from '../../experts/index.ts';
import type { DemoExpert } from '../generators/experts.ts';
import { morningOf } from '../generators/moments.ts';
import { actingAs, type Person } from './acting-as.ts';

export type StaffedExpert = { id: string; person: Person; profile: DemoExpert };

/** The coordinator sets up the experts' profiles at the launch of the program. */
export async function staffExperts(
  ctx: Ctx,
  options: {
    launchAt: Date;
    programId: string;
    coordinator: Person;
    experts: { person: Person; profile: DemoExpert }[];
    capacity: number;
  },
): Promise<StaffedExpert[]> {
  const asCoordinator = actingAs(ctx, options.coordinator, { at: options.launchAt });
  const staffed: StaffedExpert[] = [];
  for (const { person, profile } of options.experts) {
    const { id } = await createExpert(asCoordinator, {
      email: person.email,
      regions: profile.regions,
      languages: profile.languages,
      specialties: profile.specialties,
      capacity: options.capacity,
      programId: options.programId,
    });
    staffed.push({ id, person, profile });
  }
  return staffed;
}

export type WaitingFile = {
  applicationId: string;
  /** From when the coordinator could assign it: accepted, and its entry diagnostic done if it was to be. */
  readyAt: Date;
  language: 'fr' | 'en';
  demoRetailer: boolean;
};

// Once a week over the past nine weeks, the coordinator confirmed the files that were ready by then.
const WAVES_DAYS_AGO = [63, 56, 49, 42, 35, 28, 21, 14, 7];
const CONFIRMED_AT_ONCE = 100;

/**
 * The coordinator asks for the optimal assignment and confirms it in parts, week by week, as files
 * became ready (files accepted this week wait for the next one). The demo retailer goes to the demo
 * expert: when the proposal put it elsewhere, the coordinator swaps it with one of the demo expert's
 * French-speaking files, which loads nobody beyond what the proposal did.
 */
export async function assignExperts(
  ctx: Ctx,
  options: { now: Date; programId: string; coordinator: Person; files: WaitingFile[]; demoExpertId: string },
): Promise<Map<string, { expertId: string; assignedAt: Date }>> {
  const { now, coordinator, files, demoExpertId } = options;
  const proposal = await proposeAssignments(actingAs(ctx, coordinator, { at: now }), {
    programId: options.programId,
  });
  const expertOf = new Map(proposal.assignments.map((a) => [a.applicationId, a.expertId]));
  const demoRetailer = files.find((f) => f.demoRetailer);
  const proposed = demoRetailer ? expertOf.get(demoRetailer.applicationId) : undefined;
  if (demoRetailer && proposed && proposed !== demoExpertId) {
    const swap = files.find(
      (f) => f.language === 'fr' && !f.demoRetailer && expertOf.get(f.applicationId) === demoExpertId,
    );
    if (swap) expertOf.set(swap.applicationId, proposed);
    expertOf.set(demoRetailer.applicationId, demoExpertId);
  }

  const waves = WAVES_DAYS_AGO.map((days) => morningOf(now, days));
  const byWave = new Map<number, WaitingFile[]>();
  for (const file of files) {
    const wave = waves.find((w) => w > file.readyAt);
    if (!wave || !expertOf.has(file.applicationId)) continue;
    byWave.set(wave.getTime(), [...(byWave.get(wave.getTime()) ?? []), file]);
  }
  const assigned = new Map<string, { expertId: string; assignedAt: Date }>();
  for (const [time, wave] of [...byWave.entries()].sort((a, b) => a[0] - b[0])) {
    const asThen = actingAs(ctx, coordinator, { at: new Date(time) });
    for (let start = 0; start < wave.length; start += CONFIRMED_AT_ONCE) {
      const pairs = wave
        .slice(start, start + CONFIRMED_AT_ONCE)
        .map((f) => ({ applicationId: f.applicationId, expertId: expertOf.get(f.applicationId)! }));
      await confirmAssignments(asThen, { assignments: pairs });
      for (const pair of pairs)
        assigned.set(pair.applicationId, { expertId: pair.expertId, assignedAt: new Date(time) });
    }
  }
  return assigned;
}
