/** Words that only say a business's legal form: « Boutique Zoé inc. » and "BOUTIQUE ZOE" are one name. */
const LEGAL_FORMS =
  /\b(inc|incorporee|incorporated|ltee|limitee|ltd|limited|corp|corporation|cie|compagnie|enr|senc|sencrl|sec|srl|llc|llp)\b/g;

/**
 * A business name folded for comparison: no accents, no case, no punctuation, no legal-form words
 * (« inc. », « ltée », « S.E.N.C. »…), single spaces.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a declared name is none of the registry's names, once folded. */
export const nameDiffers = (declared: string, registryNames: readonly string[]) =>
  !registryNames.some((n) => foldName(n) === foldName(declared));
