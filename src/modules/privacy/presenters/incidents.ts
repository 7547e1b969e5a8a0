import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import type { IncidentInput } from '../domain/incidents.ts';
import type { PrivacyIncident } from '../use-cases/list-privacy-incidents.ts';

const day = z.iso.date();

/** The contents of an entry: the regulation's eight and the advice to persons. */
const incidentEntry = z.object({
  informationInvolved: z.string(),
  circumstances: z.string(),
  occurredFrom: day,
  occurredTo: day.nullable(),
  learnedOn: day,
  personsAffected: z.number().int(),
  personsApproximate: z.boolean(),
  riskAssessment: z.string(),
  seriousRisk: z.boolean(),
  notices: z.object({
    commissionNotifiedOn: day.nullable(),
    personsNotifiedOn: day.nullable(),
    publicNotice: z.string().nullable(),
  }),
  measures: z.string(),
  adviceToPersons: z.string().nullable(),
});

export const privacyIncident = incidentEntry.extend({
  id: z.uuid(),
  /** The register keeps the entry at least until this day (5 years after it was learned of). */
  keptUntil: day,
  recordedAt: z.iso.datetime(),
  /** 1 when entered, one more at each update; the earlier versions are in its history. */
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
});

export const privacyIncidentList = z.object({ items: z.array(privacyIncident) });

export const presentPrivacyIncident = ({
  commissionNotifiedOn,
  personsNotifiedOn,
  publicNotice,
  recordedBy: _,
  updatedBy: __,
  recordedAt,
  updatedAt,
  ...facts
}: PrivacyIncident): z.input<typeof privacyIncident> => ({
  ...facts,
  notices: { commissionNotifiedOn, personsNotifiedOn, publicNotice },
  recordedAt: instant(recordedAt),
  updatedAt: instantOrNull(updatedAt),
});

export const privacyIncidentHistory = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      /** When this version was written (entered or updated); an update replaced it afterwards. */
      writtenAt: z.iso.datetime(),
      entry: incidentEntry,
    }),
  ),
});

export const presentPrivacyIncidentHistory = (
  items: { version: number; writtenAt: Date; entry: IncidentInput }[],
): z.input<typeof privacyIncidentHistory> => ({
  items: items.map((v) => ({ version: v.version, writtenAt: instant(v.writtenAt), entry: v.entry })),
});

export const presentPrivacyIncidentList = (items: PrivacyIncident[]) => ({
  items: items.map(presentPrivacyIncident),
});
