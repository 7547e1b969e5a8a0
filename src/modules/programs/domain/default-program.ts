/** The program Virage was built for; created on first run, then edited by administrators. */
export const DEFAULT_PROGRAM = {
  slug: 'virage-numerique-detaillants',
  nameFr: 'Virage numérique des détaillants',
  nameEn: 'Digital Shift for Retailers',
  descriptionFr:
    "Un accompagnement gratuit pour 3\u00a0000 petits détaillants du Québec (50\u00a0employés ou moins)\u00a0: un diagnostic de maturité numérique, un plan d'action et l'appui d'une experte ou d'un expert pour bâtir une stratégie efficace de marketing et de vente en ligne, avec une aide financière pour la mettre en œuvre.",
  descriptionEn:
    'Free support for 3,000 small Québec retailers (50 employees or fewer): a digital-maturity diagnostic, an action plan and an expert coach to build an effective online marketing and sales strategy, with financial aid to put it in place.',
  targetRetailers: 3000,
} as const;

/**
 * The query that names a program in the shared pages (`/eligibility`, `/apply`, `/review`…), with the
 * page's other parameters: no `program` for the default program, whose addresses stay as they were
 * before there were several.
 */
export function programQuery(slug: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(slug === DEFAULT_PROGRAM.slug ? params : { program: slug, ...params });
  return query.size > 0 ? `?${query}` : '';
}
