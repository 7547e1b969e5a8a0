import { describe, expect, it } from 'vitest';
import { createI18n, translatorFor } from '../../../platform/i18n/i18n.ts';
import { formatOrdinal, typicalCost } from '../domain/figures.ts';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

const root = createI18n({ fr: { diagnostic: fr }, en: { diagnostic: en } });
const t = { fr: translatorFor(root, 'fr'), en: translatorFor(root, 'en') };
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('messages of the diagnostic', () => {
  it('count answers in agreement with the number: French puts 0 and 1 in the singular', () => {
    const progress = (locale: 'fr' | 'en', count: number) =>
      t[locale]('diagnostic:take.progress', { count, total: 39 });
    expect([0, 1, 2].map((n) => progress('fr', n))).toEqual([
      '0 réponse sur 39 questions',
      '1 réponse sur 39 questions',
      '2 réponses sur 39 questions',
    ]);
    expect([0, 1, 2].map((n) => progress('en', n))).toEqual([
      '0 answers out of 39 questions',
      '1 answer out of 39 questions',
      '2 answers out of 39 questions',
    ]);
  });

  it('name a percentile with the right ordinal', () => {
    const percentile = (locale: 'fr' | 'en', rank: number) =>
      t[locale]('diagnostic:results.percentile_value', { value: formatOrdinal(rank, locale) });
    expect(percentile('en', 43)).toBe('43rd percentile');
    expect(percentile('en', 11)).toBe('11th percentile');
    expect(percentile('fr', 43)).toBe('43e centile');
    expect(percentile('fr', 1)).toBe('1er centile');
  });

  it('show a free cost as free, equal ends as one amount, else the range', () => {
    const cost = (locale: 'fr' | 'en', min: number, max: number) => {
      const c = typicalCost(min, max, locale);
      return plain(t[locale](`diagnostic:cost.${c.kind}`, c));
    };
    expect(cost('fr', 0, 0)).toBe('Gratuit');
    expect(cost('en', 0, 0)).toBe('Free');
    expect(cost('fr', 50_000, 50_000)).toBe('500 $');
    expect(cost('fr', 0, 20_000)).toBe('0 $ – 200 $');
    expect(cost('en', 0, 20_000)).toBe('$0 – $200');
    // One end with cents: both show them, so that the range reads evenly.
    expect(cost('fr', 0, 123_456)).toBe('0,00 $ – 1 234,56 $');
    expect(cost('en', 10_000, 123_456)).toBe('$100.00 – $1,234.56');
  });
});
