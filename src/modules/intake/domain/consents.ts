/** The purposes a retailer consents to separately (Law 25): only participation is required. */
export const CONSENT_PURPOSES = [
  'participation',
  'research',
  'surveys',
  'publication',
  'newsletter',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const REQUIRED_PURPOSES: readonly ConsentPurpose[] = ['participation'];

export type ConsentChoice = Record<ConsentPurpose, boolean>;

/** Nothing optional is pre-ticked: the highest confidentiality is the default. */
export const NO_CONSENT: ConsentChoice = {
  participation: false,
  research: false,
  surveys: false,
  publication: false,
  newsletter: false,
};

/** Where a purpose stands for one business: never given, given, or withdrawn after being given. */
export type ConsentState = 'not_given' | 'given' | 'withdrawn';

export type ConsentRecord = {
  purpose: ConsentPurpose;
  granted: boolean;
  recordedAt: Date;
  textVersion: number;
};

export type ConsentStanding = {
  purpose: ConsentPurpose;
  state: ConsentState;
  /** The version of the text of the latest record (the one agreed to or withdrawn from). */
  textVersion: number | null;
  givenAt: Date | null;
  withdrawnAt: Date | null;
};

/**
 * Each purpose's standing from a business's consent records (any order): the latest record decides;
 * a refusal after a consent is a withdrawal, a refusal before any consent is "not given".
 */
export function consentStandings(records: readonly ConsentRecord[]): ConsentStanding[] {
  return CONSENT_PURPOSES.map((purpose) => {
    const mine = records
      .filter((r) => r.purpose === purpose)
      .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    const latest = mine.at(-1);
    const lastGiven = mine.findLast((r) => r.granted);
    const state: ConsentState = latest?.granted ? 'given' : lastGiven ? 'withdrawn' : 'not_given';
    return {
      purpose,
      state,
      textVersion: latest?.textVersion ?? null,
      givenAt: lastGiven?.recordedAt ?? null,
      withdrawnAt: state === 'withdrawn' ? latest!.recordedAt : null,
    };
  });
}
