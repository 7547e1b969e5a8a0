/**
 * What Virage reads from the Registraire des entreprises' labels (decision 40: the program reasons on
 * labels, never on codes): a status's meaning, the top of an employee band, a legal form's kind.
 * Shared by the registry, intake's eligibility and reporting's research extracts.
 */

export const STATUS_KINDS = ['registered', 'struck_off', 'other'] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** The status's meaning from its French label (« Immatriculée », « Radiée d'office »…). */
export function statusKindOf(label: string | null | undefined): StatusKind {
  if (!label) return 'other';
  if (/^immatricul/i.test(label)) return 'registered';
  if (/radi/i.test(label)) return 'struck_off';
  return 'other';
}

/**
 * The top of an employee band from its label (« De 6 à 10 » → 10, « Aucun employé » → 0); null when
 * the label gives no upper bound (« 5 000 et plus ») or is unknown.
 */
export function bandMaximum(label: string | null): number | null {
  if (!label) return null;
  if (/^aucun/i.test(label.trim())) return 0;
  if (/plus|more/i.test(label)) return null;
  const numbers = [...label.replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, '$1').matchAll(/\d+/g)].map((m) =>
    Number(m[0]),
  );
  return numbers.length > 0 ? Math.max(...numbers) : null;
}

export const LEGAL_FORM_KINDS = ['corporation', 'partnership', 'sole_proprietorship', 'other'] as const;
export type LegalFormKind = (typeof LEGAL_FORM_KINDS)[number];

/**
 * A legal form's kind from its French label: « Société par actions ou compagnie » is a corporation,
 * « Société en nom collectif » or « en commandite » a partnership, « Entreprise individuelle » a sole
 * proprietorship ([VERIFY] the labels against a real `DomaineValeur.csv`); anything else is other.
 */
export function legalFormKindOf(label: string | null | undefined): LegalFormKind {
  if (!label) return 'other';
  if (/^soci[ée]t[ée] par actions/i.test(label)) return 'corporation';
  if (/^soci[ée]t[ée] en (nom collectif|commandite)/i.test(label)) return 'partnership';
  if (/^entreprise individuelle/i.test(label)) return 'sole_proprietorship';
  return 'other';
}
