import { describe, expect, it } from 'vitest';
import { createI18n, instanceFor, translatorFor } from './i18n.ts';

describe('translations', () => {
  const root = createI18n({
    fr: { common: { pairs: 'Les jumelages de {{name}}' } },
    en: { common: { pairs: 'Pairs of {{name}} de {{name}}' } },
  });

  it('elide « de » before a name that starts with a vowel, in French only', () => {
    expect(translatorFor(root, 'fr')('pairs', { name: 'Olivier' })).toBe("Les jumelages d'Olivier");
    expect(translatorFor(root, 'fr')('pairs', { name: 'Zoé' })).toBe('Les jumelages de Zoé');
    expect(translatorFor(root, 'en')('pairs', { name: 'Olivier' })).toBe('Pairs of Olivier de Olivier');
  });

  it('do the same in the instance a page renders with', () => {
    expect(instanceFor(root, 'fr').t('pairs', { name: 'Émilie' })).toBe("Les jumelages d'Émilie");
    expect(instanceFor(root, 'en').t('pairs', { name: 'Émilie' })).toBe('Pairs of Émilie de Émilie');
  });
});
