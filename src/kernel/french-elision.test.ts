import { describe, expect, it } from 'vitest';
import { elideFrench } from './french-elision.ts';

describe('French elision of « de »', () => {
  it('elides before a vowel, accented or not, in either case', () => {
    expect(elideFrench('Afficher les 3 jumelages de Olivier Roy')).toBe(
      "Afficher les 3 jumelages d'Olivier Roy",
    );
    expect(elideFrench('Le dossier de Épicerie Fine')).toBe("Le dossier d'Épicerie Fine");
    expect(elideFrench('De Anne à Ève')).toBe("D'Anne à Ève");
    expect(elideFrench('Profil de œnologue')).toBe("Profil d'œnologue");
  });

  it('leaves « de » alone before a consonant, « h », « y », « onze » and « oui »', () => {
    for (const text of [
      'Le dossier de Boutique X',
      'Profil de Hélène',
      'Profil de Yannick',
      'de onze à douze',
      'de oui ou de non',
    ]) {
      expect(elideFrench(text)).toBe(text);
    }
  });

  it('does not touch « de » inside a word or already elided text', () => {
    expect(elideFrench('Elle cède Olivier')).toBe('Elle cède Olivier');
    expect(elideFrench('Monde entier')).toBe('Monde entier');
    expect(elideFrench("d'une experte")).toBe("d'une experte");
  });
});
