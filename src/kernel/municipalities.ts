import municipalitiesData from './data/municipalities.json' with { type: 'json' };

export type Municipality = {
  code: string;
  name: string;
  designation: string;
  region: string;
  mrc: string;
  population: number;
};

/** Source : Répertoire des municipalités du Québec, MAMH, CC BY 4.0 (snapshot of March 2026). */
export const MUNICIPALITIES = municipalitiesData as Municipality[];

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[\s'’-]+/g, ' ')
    .trim()
    .toLowerCase();
const byName = new Map<string, Municipality[]>();
for (const m of MUNICIPALITIES) byName.set(fold(m.name), [...(byName.get(fold(m.name)) ?? []), m]);

/**
 * A municipality by its code or its name (accents, case and dashes ignored). Several municipalities
 * share a name (a village and a parish): the name alone then does not decide, and the answer lists them.
 */
export function findMunicipality(
  value: string,
): { found: Municipality } | { ambiguous: Municipality[] } | undefined {
  const trimmed = value.trim();
  // "Name (12345)", as the form's suggestions write the municipalities that share a name.
  const exact = byCode.get(/\((\d{5})\)$/.exec(trimmed)?.[1] ?? trimmed);
  if (exact) return { found: exact };
  const named = byName.get(fold(trimmed));
  if (!named) return undefined;
  return named.length === 1 ? { found: named[0]! } : { ambiguous: named };
}

/** What the municipality field suggests: the name, with the code when several municipalities share it. */
export function municipalitySuggestions(): { value: string; label: string }[] {
  return MUNICIPALITIES.map((m) => {
    const shared = (byName.get(fold(m.name))?.length ?? 0) > 1;
    return {
      value: shared ? `${m.name} (${m.code})` : m.name,
      label: `${m.designation}, ${m.mrc || m.region}`,
    };
  });
}
