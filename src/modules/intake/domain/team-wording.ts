/**
 * Eligibility explanations are written to the applicant (« Votre entreprise compte… », "Your business
 * has…") and stored as the applicant read them. The program team reads them about the business, in the
 * third person: « L'entreprise compte… », "The business has…".
 */
import type { Locale } from '../../../kernel/locale.ts';

/** French nouns a message may say « votre … » of, with the article that replaces the possessive. */
const FRENCH_ARTICLES: Record<string, string> = {
  entreprise: "l'",
  commerce: 'le ',
  magasin: 'le ',
  boutique: 'la ',
  demande: 'la ',
};

const FRENCH_POSSESSIVE = new RegExp(`\\b([Vv])otre (${Object.keys(FRENCH_ARTICLES).join('|')})\\b`, 'g');

function capitalised(text: string, upper: boolean) {
  return upper ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** An explanation written to the applicant, reworded about the business for the program team. */
export function inTeamWords(message: string, locale: Locale): string {
  if (locale === 'en') {
    return message.replace(/\b([Yy])our\b/g, (_, y: string) => (y === 'Y' ? 'The' : 'the'));
  }
  return (
    message
      .replace(FRENCH_POSSESSIVE, (_, v: string, noun: string) =>
        capitalised(`${FRENCH_ARTICLES[noun]}${noun}`, v === 'V'),
      )
      // « à le commerce », « de le commerce »: the contractions French requires.
      .replace(/(^|\s)à le /g, '$1au ')
      .replace(/(^|\s)de le /g, '$1du ')
  );
}
