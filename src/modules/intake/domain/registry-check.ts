import { NAICS_RETAIL_CODES } from '../../../kernel/quebec.ts';

/** A coded registry value: the raw code and its label from the extract's lists (null: unknown code). */
type Coded = { code: string; label: string | null } | null;

/** The registry's facts about a business as the application keeps them (a copy, as looked up). */
export type RegistryFacts = {
  legalName: string | null;
  otherNames: string[];
  status: Coded;
  statusKind: 'registered' | 'struck_off' | 'other';
  bankrupt: boolean;
  legalForm: Coded;
  registeredOn: string | null;
  employeeBand: Coded;
  activities: { cae: string; label: string | null; naics: string | null }[];
  domicileAddress: string[] | null;
  /** `number` is the registry's `NO_SUF_ETAB` (absent from checks kept before it was copied). */
  establishments: { number?: string | null; name: string | null; address: string[] | null; main: boolean }[];
};

/** The choice « none of these / another address » beside the registry's establishments. */
export const OTHER_ESTABLISHMENT = 'other';

/** The registry's establishments the applicant may choose (those with a number), in the registry's order. */
export const choosableEstablishments = (facts: RegistryFacts | null) =>
  (facts?.establishments ?? []).filter((s): s is typeof s & { number: string } => Boolean(s.number));

/**
 * Whether `choice` names an establishment of the check kept for this NEQ, or « other »: a check of
 * another NEQ (stale) or one that found nothing offers no establishment to choose.
 */
export function isEstablishmentChoice(
  check: { neq: string; facts: RegistryFacts | null } | undefined,
  neq: string | null,
  choice: string,
): boolean {
  if (!check?.facts || check.neq !== neq) return false;
  return (
    choice === OTHER_ESTABLISHMENT || choosableEstablishments(check.facts).some((s) => s.number === choice)
  );
}

/** The business fields the registry prefills, and how its facts give them. */
export const PREFILLED_FIELDS = ['legalName', 'foundedYear', 'naics'] as const;
export type PrefilledField = (typeof PREFILLED_FIELDS)[number];

/** The values the registry proposes for the form (absent: it has nothing usable for that field). */
export function prefillOf(facts: RegistryFacts): {
  legalName?: string;
  foundedYear?: number;
  naics?: string;
} {
  const year = facts.registeredOn ? Number(facts.registeredOn.slice(0, 4)) : undefined;
  // The program's subsectors are NAICS 3-digit retail codes; an activity maps to one through the
  // administrators' CAE → NAICS correspondence.
  const subsector = facts.activities
    .map((a) => a.naics?.slice(0, 3))
    .find((code) => code && NAICS_RETAIL_CODES.includes(code));
  return {
    ...(facts.legalName ? { legalName: facts.legalName } : {}),
    ...(year ? { foundedYear: year } : {}),
    ...(subsector ? { naics: subsector } : {}),
  };
}

/** Per prefilled field, the registry's value and the applicant's, and whether the applicant corrected it. */
export function registryComparison(
  facts: RegistryFacts,
  declared: Partial<Record<PrefilledField, string | number | null>>,
) {
  const proposed = prefillOf(facts);
  return PREFILLED_FIELDS.filter((f) => proposed[f] !== undefined).map((field) => {
    const registry = String(proposed[field]);
    const given = declared[field] === null || declared[field] === undefined ? null : String(declared[field]);
    return { field, registry, declared: given, corrected: given !== null && given !== registry };
  });
}

export { bandMaximum } from '../../../kernel/registry.ts';
