/** The purposes a retailer consents to separately (Law 25): only participation is required. */
export const CONSENT_PURPOSES = ['participation', 'research', 'surveys', 'publication'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const REQUIRED_PURPOSES: readonly ConsentPurpose[] = ['participation'];

export type ConsentChoice = Record<ConsentPurpose, boolean>;

/** Nothing optional is pre-ticked: the highest confidentiality is the default. */
export const NO_CONSENT: ConsentChoice = {
  participation: false,
  research: false,
  surveys: false,
  publication: false,
};
