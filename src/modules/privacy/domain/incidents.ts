import { z } from 'zod';

/** Reg. r.3.1 s.11 (read with the CAI's guidance): the register keeps each incident 5 years after it was learned of. */
export const INCIDENT_KEPT_YEARS = 5;

const text = z.string().trim().min(1).max(8000);
const day = z.iso.date({ error: 'privacy:incidents.errors.date' });

/**
 * An entry of the confidentiality-incident register: the regulation's eight contents (Reg.
 * r.3.1 s.7), each required. Notices (7) are required as a record: when the risk of serious injury
 * is found, the dates the Commission and the persons were told; when it is not, both stay null and
 * the reasoning is in the assessment (6).
 */
export const incidentInput = z
  .strictObject({
    /** 1. The personal information involved, or why it is not known. */
    informationInvolved: text,
    /** 2. What happened. */
    circumstances: text,
    /** 3. The date, or the first and last days of the period, of the incident. */
    occurredFrom: day,
    occurredTo: day.nullable().default(null),
    /** 4. The day the organisation learned of it. */
    learnedOn: day,
    /** 5. How many persons, exact or approximate. */
    personsAffected: z.number().int().min(0).max(100_000_000),
    personsApproximate: z.boolean().default(false),
    /** 6. The assessment of the risk of serious injury and its conclusion. */
    riskAssessment: text,
    seriousRisk: z.boolean(),
    /** 7. The notices sent, with their dates, and any public notice and why. */
    notices: z.strictObject({
      commissionNotifiedOn: day.nullable(),
      personsNotifiedOn: day.nullable(),
      publicNotice: z.string().trim().max(4000).nullable().default(null),
    }),
    /** 8. The measures taken to reduce the risk of injury. */
    measures: text,
    /** For the letter to the persons (Reg. s.5): what they may do themselves to reduce the risk. */
    adviceToPersons: z.string().trim().max(4000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.occurredTo && v.occurredTo < v.occurredFrom)
      ctx.addIssue({ code: 'custom', path: ['occurredTo'], message: 'privacy:incidents.errors.period' });
    if (v.learnedOn < v.occurredFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['learnedOn'],
        message: 'privacy:incidents.errors.learned_before',
      });
    if (v.seriousRisk) {
      for (const field of ['commissionNotifiedOn', 'personsNotifiedOn'] as const)
        if (!v.notices[field])
          ctx.addIssue({
            code: 'custom',
            path: ['notices', field],
            message: 'privacy:incidents.errors.notice_required',
          });
    }
  });
export type IncidentInput = z.output<typeof incidentInput>;

/** The last day the register must keep an entry: five years after the day it was learned of. */
export function keptUntil(learnedOn: string): string {
  const [y, m, d] = learnedOn.split('-').map(Number) as [number, number, number];
  // Date.UTC carries 29 February of a common year over to 1 March: the later day, kept longer.
  return new Date(Date.UTC(y + INCIDENT_KEPT_YEARS, m - 1, d)).toISOString().slice(0, 10);
}

/** The first date of an entry that lies after today (refused: a register records what happened), if any. */
export function futureField(entry: IncidentInput, today: string): string | null {
  const days = [
    ['occurredFrom', entry.occurredFrom],
    ['occurredTo', entry.occurredTo],
    ['learnedOn', entry.learnedOn],
    ['notices.commissionNotifiedOn', entry.notices.commissionNotifiedOn],
    ['notices.personsNotifiedOn', entry.notices.personsNotifiedOn],
  ] as const;
  return days.find(([, day]) => day && day > today)?.[0] ?? null;
}

/** An entry's contents as the register row holds them (the notices flattened). */
export const incidentColumns = ({ notices, ...facts }: IncidentInput) => ({ ...facts, ...notices });

/** The contents of a register row, as entered (the notices grouped). */
export function entryOf(row: Omit<IncidentInput, 'notices'> & IncidentInput['notices']): IncidentInput {
  return {
    informationInvolved: row.informationInvolved,
    circumstances: row.circumstances,
    occurredFrom: row.occurredFrom,
    occurredTo: row.occurredTo,
    learnedOn: row.learnedOn,
    personsAffected: row.personsAffected,
    personsApproximate: row.personsApproximate,
    riskAssessment: row.riskAssessment,
    seriousRisk: row.seriousRisk,
    notices: {
      commissionNotifiedOn: row.commissionNotifiedOn,
      personsNotifiedOn: row.personsNotifiedOn,
      publicNotice: row.publicNotice,
    },
    measures: row.measures,
    adviceToPersons: row.adviceToPersons,
  };
}
