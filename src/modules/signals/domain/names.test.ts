import { describe, expect, it } from 'vitest';
import { foldName, nameDiffers } from './names.ts';

describe('business names compared with the registry', () => {
  it('ignores case, accents, punctuation and legal-form words', () => {
    expect(foldName('Boutique Zoé inc.')).toBe('boutique zoe');
    expect(foldName('BOUTIQUE ZOE INC')).toBe('boutique zoe');
    expect(foldName('Quincaillerie Fermée ltée')).toBe('quincaillerie fermee');
    expect(foldName('Atelier Sans Adresse, S.E.N.C.')).toBe('atelier sans adresse');
    expect(foldName("Zoe's Grocery")).toBe('zoes grocery');
  });

  it('finds a declared name among the registry names, and not a different one', () => {
    const names = ['Boutique Zoé inc.', 'Épicerie Zoé', "Zoe's Grocery"];
    expect(nameDiffers('BOUTIQUE ZOE INC', names)).toBe(false);
    expect(nameDiffers('epicerie zoe', names)).toBe(false);
    expect(nameDiffers('Boutique Zoé Plus inc.', names)).toBe(true);
    expect(nameDiffers('Boutique Zoe Incorporated Ltd', names)).toBe(false);
  });
});
