import { describe, expect, it } from 'vitest';
import { FUNNEL_STEPS } from './domain/funnel.ts';
import { BREAKDOWNS, INDICATORS, indicatorKeys, UNITS } from './domain/indicators.ts';
import en from './i18n/en.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };

/** The text at a `reporting:` key in one language's file, if any. */
function text(messages: unknown, qualified: string): unknown {
  return qualified
    .replace(/^reporting:/, '')
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

// Keys built from the domain's lists, which the project-wide translation test cannot see as literals.
describe('reporting translations', () => {
  it('give every indicator a label and a definition in French and English', () => {
    for (const indicator of INDICATORS) {
      for (const key of Object.values(indicatorKeys(indicator.id))) {
        expect(typeof text(fr, key), `fr ${key}`).toBe('string');
        expect(typeof text(en, key), `en ${key}`).toBe('string');
      }
    }
  });

  it('name every unit, breakdown and funnel step in both languages', () => {
    const keys = [
      ...UNITS.map((u) => `reporting:units.${u}`),
      ...BREAKDOWNS.map((b) => `reporting:breakdowns.${b}`),
      ...FUNNEL_STEPS.map((s) => `reporting:funnel.steps.${s}`),
    ];
    for (const key of keys) {
      expect(typeof text(fr, key), `fr ${key}`).toBe('string');
      expect(typeof text(en, key), `en ${key}`).toBe('string');
    }
  });
});
