import { describe, expect, it } from 'vitest';
import { resources } from '../../../wiring/i18n-resources.ts';
import { balancesOf, checkCommitment, entryOf } from './ledger.ts';
import { refusalMessage } from './refusal.ts';

/** The module's messages as i18next would interpolate them, from the registered resources. */
const t =
  (locale: 'fr' | 'en') =>
  (key: string, values: Record<string, string> = {}) => {
    let node: unknown = resources[locale];
    for (const part of key.replace(':', '.').split('.')) node = (node as Record<string, unknown>)[part];
    return String(node).replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? `?${name}`);
  };

describe('refusal messages', () => {
  it('name the envelope and what is left, as money, in both languages', () => {
    const at = { envelopeId: 'env-1', fiscalYear: 2026, businessId: 'b1' };
    const balances = balancesOf([
      entryOf('commit', { ...at, id: 'e1', amountCents: 876_544, cause: 'agreement' }),
    ]);
    const verdict = checkCommitment(
      balances,
      { ...at, amountCents: 200_000 },
      { budgetCents: 1_000_000, capCents: null },
    );
    if (verdict.ok) throw new Error('expected a refusal');
    expect(
      refusalMessage(verdict, t('fr'), 'fr', { envelope: 'Subventions' }).replace(/[\u00a0\u202f]/g, ' '),
    ).toBe(
      "Il ne reste que 1 234,56 $ dans l'enveloppe Subventions pour l'exercice 2026-2027 : ce montant dépasse ce qui reste.",
    );
    expect(refusalMessage(verdict, t('en'), 'en', { envelope: 'Grants' })).toBe(
      'Only $1,234.56 is left in the Grants envelope for fiscal year 2026-2027: this amount exceeds what is left.',
    );
  });
});
