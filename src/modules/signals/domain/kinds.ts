/**
 * The kinds of abuse signal, one detector each (`db/detectors.ts`). A signal only tells a person that
 * two files share something they should not; it never blocks anyone by itself (decision 41).
 * Adding a kind is a name here, a detector, and its sentence in fr.json/en.json.
 */
export const SIGNAL_KINDS = [
  'same_neq',
  'same_email',
  'same_phone',
  'same_address',
  'same_bank_account',
  'same_invoice',
  'same_receipt',
  'many_from_network',
  'same_text',
  'supplier_domain',
  'registry_name',
  'registry_status',
  'registry_employees',
  'struck_off',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The kinds that compare an application with the registry's current extract (recomputed when one lands). */
export const REGISTRY_KINDS = [
  'registry_name',
  'registry_status',
  'registry_employees',
  'struck_off',
] as const satisfies readonly SignalKind[];

export const SIGNAL_STATUSES = ['open', 'dismissed', 'confirmed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** What a person decides: the files are legitimate (dismissed) or the abuse is real (confirmed). */
export const SIGNAL_OUTCOMES = ['dismissed', 'confirmed'] as const;
export type SignalOutcome = (typeof SIGNAL_OUTCOMES)[number];

/** What the signal matched on, shown in its sentence (never a bank number: only its last digits). */
export type Evidence = {
  /** The shared value as shown: a NEQ, an e-mail, a phone, an address, an invoice, a network address. */
  value?: string;
  /** How many files share it. */
  count: number;
  /** Which sentence of the kind tells it (a registry status: unlisted, bankrupt), when it has several. */
  variant?: string;
  /** More words for the sentence: the registry's value beside the declared one, the program's limit. */
  details?: Record<string, string>;
};

/** A file a signal concerns: an application, or one of its claims. */
export type SignalFile = { applicationId: string; claimId: string | null; programId: string };
