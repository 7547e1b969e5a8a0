import type { PostProcessorModule } from 'i18next';

/**
 * French elides « de » before a vowel: « les jumelages d'Olivier », « le dossier d'Épicerie Fine ».
 * Written texts already do; names and businesses put into them (`de {{name}}`) do not know which form
 * they will meet, so the French translations are corrected once they are filled in. Not before « h »
 * (« de Hélène » and « de Hollande » differ and only a dictionary knows), « y » (« de Yannick »), nor
 * « onze » and « oui », which never take it.
 */
const DE_BEFORE_VOWEL =
  /(?<![\p{L}\p{N}_'’])([Dd])e (?!(?:onze|oui)(?![\p{L}]))(?=[aeiouàâäéèêëîïôöùûüœæ])/giu;

export function elideFrench(text: string): string {
  return text.replace(DE_BEFORE_VOWEL, "$1'");
}

/** The same, as an i18next post-processor for French translations (server and browser). */
export const frenchElision: PostProcessorModule = {
  type: 'postProcessor',
  name: 'frenchElision',
  // A translator fixed to a language passes it in the options; the instance's own language otherwise.
  process: (value, _key, options: { lng?: string }, translator: { language?: string }) =>
    (options.lng ?? translator.language) === 'fr' ? elideFrench(value) : value,
};
