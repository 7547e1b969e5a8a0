import { z } from 'zod';
import { instant } from '../../../platform/http/present.ts';
import type { PrivacyIncident } from '../use-cases/list-privacy-incidents.ts';

const day = z.iso.date();

export const privacyIncident = z.object({
  id: z.uuid(),
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
  /** The register keeps the entry at least until this day (5 years after it was learned of). */
  keptUntil: day,
  recordedAt: z.iso.datetime(),
});

export const privacyIncidentList = z.object({ items: z.array(privacyIncident) });

export const presentPrivacyIncident = ({
  commissionNotifiedOn,
  personsNotifiedOn,
  publicNotice,
  recordedBy: _,
  recordedAt,
  ...facts
}: PrivacyIncident): z.input<typeof privacyIncident> => ({
  ...facts,
  notices: { commissionNotifiedOn, personsNotifiedOn, publicNotice },
  recordedAt: instant(recordedAt),
});

export const presentPrivacyIncidentList = (items: PrivacyIncident[]) => ({
  items: items.map(presentPrivacyIncident),
});
