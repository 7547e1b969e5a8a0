import type { StatusKind } from '../../../kernel/registry.ts';

/** A code of the extract beside its label from `DomaineValeur.csv` (null: a code the lists do not know). */
export type Coded = { code: string; label: string | null };

export type Activity = { cae: Coded; description: string | null; naics: string | null };

/** What the registry says of one business, as of one extract. */
export type RegistryEnterprise = {
  neq: string;
  extract: { id: string; fileDate: string | null; importedAt: Date };
  legalName: string | null;
  names: {
    name: string;
    foreignName: string | null;
    type: Coded | null;
    status: Coded | null;
    startedOn: string | null;
    endedOn: string | null;
    current: boolean;
  }[];
  status: Coded | null;
  /** Read from the status's label, never from a code: `registered`, `struck_off` or `other`. */
  statusKind: StatusKind;
  statusOn: string | null;
  bankrupt: boolean;
  legalForm: Coded | null;
  jurisdiction: Coded | null;
  registeredOn: string | null;
  constitutedOn: string | null;
  employeeBand: Coded | null;
  activities: Activity[];
  /** Only when the file marks the domicile's address displayable. */
  domicileAddress: string[] | null;
  establishments: {
    number: string | null;
    name: string | null;
    main: boolean;
    address: string[] | null;
    activities: Activity[];
  }[];
};

export { STATUS_KINDS, type StatusKind, statusKindOf } from '../../../kernel/registry.ts';

/** A business no payment goes to without an override: struck off, or bankrupt. */
export const blocksPayment = (e: Pick<RegistryEnterprise, 'statusKind' | 'bankrupt'>) =>
  e.statusKind === 'struck_off' || e.bankrupt;

/** A name is current when it has no end date, or one after the extract's date. */
export const isCurrentName = (endedOn: string | null, asOf: string | null) =>
  endedOn === null || (asOf !== null && endedOn > asOf);

/** The legal name: a current name whose type is not « Autre nom », else any current name. */
export function legalNameOf(
  names: { name: string; current: boolean; type: { label: string | null } | null }[],
): string | null {
  const current = names.filter((n) => n.current);
  const legal = current.find((n) => !/^(autre|other)/i.test(n.type?.label ?? ''));
  return (legal ?? current[0])?.name ?? null;
}

export const linesOf = (address: string | null) => (address ? address.split('\n') : null);

/**
 * The bottom of an employee band from its label (« De 51 à 100 » → 51, « Aucun employé » → 0,
 * « 5 000 et plus » → 5000); null when the label is unknown.
 */
export function bandMinimum(label: string | null | undefined): number | null {
  if (!label) return null;
  if (/^aucun/i.test(label.trim())) return 0;
  const first = label.replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, '$1').match(/\d+/);
  return first ? Number(first[0]) : null;
}
