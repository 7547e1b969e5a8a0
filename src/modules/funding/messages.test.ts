import { describe, expect, it } from 'vitest';
import type { Locale } from '../../kernel/locale.ts';
import { resources } from '../../wiring/i18n-resources.ts';
import { DEFAULT_AID_RULES } from './domain/default-aid-rules.ts';
import { grantArithmetic, grantOf } from './domain/grant.ts';
import { balancesOf, checkCommitment, entryOf } from './domain/ledger.ts';
import { refusalMessage } from './domain/refusal.ts';

/** The registered messages, interpolated as i18next does, so the domain's words are checked in both languages. */
const t =
  (locale: Locale) =>
  (key: string, values: Record<string, string> = {}) => {
    let node: unknown = resources[locale];
    for (const part of key.replace(':', '.').split('.')) node = (node as Record<string, unknown>)[part];
    return String(node).replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? `?${name}`);
  };
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('funding messages', () => {
  it('show the grant’s arithmetic in both languages', () => {
    const grant = grantOf({
      rules: DEFAULT_AID_RULES,
      lines: [{ id: 'a', category: 'website', amountCents: 1_200_000 }],
      otherPublicAidCents: 0,
    });
    expect(grantArithmetic(grant.steps, t('fr'), 'fr').map(spaces)).toEqual([
      'Coûts admissibles : 12 000,00 $',
      '90 % × 12 000,00 $ = 10 800,00 $',
      'plafond par entreprise 2 400,00 $ → 2 400,00 $',
      "cumul des aides publiques : 100 % × 12 000,00 $ − 0,00 $ d'autres aides = 12 000,00 $ → 2 400,00 $",
    ]);
    expect(grantArithmetic(grant.steps, t('en'), 'en')).toEqual([
      'Eligible costs: $12,000.00',
      '90% × $12,000.00 = $10,800.00',
      'per-business cap $2,400.00 → $2,400.00',
      'total public aid: 100% × $12,000.00 − $0.00 other aid = $12,000.00 → $2,400.00',
    ]);
  });

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
    expect(spaces(refusalMessage(verdict, t('fr'), 'fr', { envelope: 'Subventions' }))).toBe(
      "Il ne reste que 1 234,56 $ dans l'enveloppe Subventions pour l'exercice 2026-2027 : ce montant dépasse ce qui reste.",
    );
    expect(refusalMessage(verdict, t('en'), 'en', { envelope: 'Grants' })).toBe(
      'Only $1,234.56 is left in the Grants envelope for fiscal year 2026-2027: this amount exceeds what is left.',
    );
  });
});
