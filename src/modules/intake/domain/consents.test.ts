import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, type ConsentRecord, consentStandings } from './consents.ts';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 15, 10, minute));
const record = (purpose: ConsentRecord['purpose'], granted: boolean, minute: number, textVersion = 1) => ({
  purpose,
  granted,
  recordedAt: at(minute),
  textVersion,
});

describe('consent standings', () => {
  it('reads each purpose from its latest record: given, withdrawn after a consent, or never given', () => {
    const standings = consentStandings([
      record('research', true, 1),
      record('research', false, 5, 2),
      record('surveys', false, 1),
      record('participation', true, 1),
      record('publication', true, 1),
      record('publication', false, 2),
      record('publication', true, 3, 3),
    ]);
    expect(standings).toEqual([
      { purpose: 'participation', state: 'given', textVersion: 1, givenAt: at(1), withdrawnAt: null },
      { purpose: 'research', state: 'withdrawn', textVersion: 2, givenAt: at(1), withdrawnAt: at(5) },
      { purpose: 'surveys', state: 'not_given', textVersion: 1, givenAt: null, withdrawnAt: null },
      { purpose: 'publication', state: 'given', textVersion: 3, givenAt: at(3), withdrawnAt: null },
      { purpose: 'newsletter', state: 'not_given', textVersion: null, givenAt: null, withdrawnAt: null },
    ]);
  });

  it('does not depend on the order the records come in, and the latest record always decides', () => {
    const records = fc.array(
      fc.record({
        purpose: fc.constantFrom(...CONSENT_PURPOSES),
        granted: fc.boolean(),
        minute: fc.integer({ min: 0, max: 59 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(records, (raw) => {
        // One record per minute and purpose: the ledger never holds two at the same instant.
        const unique = [...new Map(raw.map((r) => [`${r.purpose}:${r.minute}`, r])).values()];
        const rows = unique.map((r) => record(r.purpose, r.granted, r.minute));
        const standings = consentStandings(rows);
        expect(consentStandings([...rows].reverse())).toEqual(standings);
        for (const s of standings) {
          const mine = rows
            .filter((r) => r.purpose === s.purpose)
            .sort((a, b) => +a.recordedAt - +b.recordedAt);
          expect(s.state === 'given').toBe(mine.at(-1)?.granted === true);
          expect(s.state === 'withdrawn').toBe(mine.at(-1)?.granted === false && mine.some((r) => r.granted));
        }
      }),
    );
  });
});
