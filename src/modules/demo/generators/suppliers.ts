import type { Locale } from '../../../kernel/locale.ts';
import { REGION_CODES, type RegionCode } from '../../../kernel/quebec.ts';
import type { SupplierCategory } from '../../coaching/index.ts';
import type { Random } from './random.ts';

export type DemoSupplier = {
  name: string;
  categories: SupplierCategory[];
  regions: RegionCode[];
  languages: Locale[];
  website: string;
  descriptionFr: string;
  descriptionEn: string;
};

const ALL_REGIONS = REGION_CODES;

// Invented names on the reserved `.example` domain, each saying it is fictional: a demo must never
// look like it recommends a real company.
const supplier = (
  name: string,
  categories: SupplierCategory[],
  regions: RegionCode[],
  languages: Locale[],
  fr: string,
  en: string,
): DemoSupplier => ({
  name,
  categories,
  regions,
  languages,
  website: `https://${name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.example`,
  descriptionFr: `${fr} Entreprise fictive (données de démonstration).`,
  descriptionEn: `${en} Fictional business (demo data).`,
});

/** The supplier directory of the demo: about fifteen fictional suppliers across every category. */
export const DEMO_SUPPLIERS: DemoSupplier[] = [
  supplier(
    'Panier Nordique',
    ['ecommerce_platform'],
    ALL_REGIONS,
    ['fr', 'en'],
    'Boutique en ligne clés en main pour petits commerces, paiement et inventaire inclus.',
    'Turnkey online store for small shops, payments and inventory included.',
  ),
  supplier(
    'Marché virtuel Saint-Firmin',
    ['ecommerce_platform'],
    ALL_REGIONS,
    ['fr'],
    'Place de marché régionale qui regroupe les détaillants indépendants.',
    'Regional marketplace bringing independent retailers together.',
  ),
  supplier(
    'Comptoir Web Boréal',
    ['web_agency'],
    ['03', '12', '02', '09'],
    ['fr'],
    'Sites Web simples et rapides à mettre à jour, formation incluse.',
    'Simple websites that are quick to update, training included.',
  ),
  supplier(
    'Atelier Pixel et Pignon',
    ['web_agency', 'developer'],
    ['06', '13', '15', '14', '16'],
    ['fr', 'en'],
    'Conception de sites et intégrations sur mesure pour le commerce de détail.',
    'Website design and custom integrations for retail.',
  ),
  supplier(
    'Studio Huard Marketing',
    ['marketing_agency'],
    ['06', '13', '16', '05'],
    ['fr', 'en'],
    'Plans de marketing en ligne, publicité sur les réseaux sociaux et infolettres.',
    'Online marketing plans, social media advertising and newsletters.',
  ),
  supplier(
    'Communications Trois-Pignons',
    ['marketing_agency', 'photo_video'],
    ['04', '17', '03', '12'],
    ['fr'],
    'Contenu pour les réseaux sociaux et campagnes locales.',
    'Social media content and local campaigns.',
  ),
  supplier(
    'Code Caribou',
    ['developer'],
    ALL_REGIONS,
    ['fr', 'en'],
    'Développement Web, connexions entre caisse, inventaire et boutique en ligne.',
    'Web development, connecting point of sale, inventory and online store.',
  ),
  supplier(
    'Sécur-Boutique Lynx',
    ['developer'],
    ALL_REGIONS,
    ['fr'],
    'Sécurité des sites, sauvegardes et protection des renseignements personnels (Loi 25).',
    'Website security, backups and protection of personal information (Law 25).',
  ),
  supplier(
    'Données claires Analytique',
    ['developer', 'trainer'],
    ['06', '03', '16'],
    ['fr', 'en'],
    'Tableaux de bord de ventes et mesure des campagnes en ligne.',
    'Sales dashboards and measurement of online campaigns.',
  ),
  supplier(
    'Formations Cap-Numérique',
    ['trainer'],
    ALL_REGIONS,
    ['fr'],
    'Ateliers pratiques en ligne : réseaux sociaux, fiche d’entreprise, commerce électronique.',
    'Hands-on online workshops: social media, business profiles, e-commerce.',
  ),
  supplier(
    'Académie Vitrine 2.0',
    ['trainer'],
    ['06', '13', '14', '15', '16', '07'],
    ['fr', 'en'],
    'Formation des équipes de vente au service à la clientèle en ligne.',
    'Training sales teams in online customer service.',
  ),
  supplier(
    'Studio Lueur boréale',
    ['photo_video'],
    ['01', '11', '09', '02', '03'],
    ['fr'],
    'Photos de produits et courtes vidéos pour les réseaux sociaux.',
    'Product photos and short videos for social media.',
  ),
  supplier(
    'Point de vente Outarde',
    ['payment_pos'],
    ALL_REGIONS,
    ['fr', 'en'],
    'Caisse enregistreuse infonuagique reliée à l’inventaire et à la boutique en ligne.',
    'Cloud point of sale linked to inventory and the online store.',
  ),
  supplier(
    'Colis Fleuve',
    ['logistics'],
    ['01', '03', '04', '12', '17', '11'],
    ['fr'],
    'Livraison locale le jour même et préparation des commandes.',
    'Same-day local delivery and order preparation.',
  ),
  supplier(
    'Livraison Tortue Express',
    ['logistics'],
    ['06', '13', '14', '15', '16', '05', '07'],
    ['fr', 'en'],
    'Expédition de colis et retours pour les boutiques en ligne.',
    'Parcel shipping and returns for online stores.',
  ),
];

/**
 * Which kinds of suppliers help with the actions recommended for a diagnostic dimension. The default
 * recommendations library names each recommendation after its dimension (`marketing_social_routine`).
 */
const CATEGORIES_BY_DIMENSION: Record<string, SupplierCategory[]> = {
  strategy: ['trainer', 'marketing_agency'],
  presence: ['web_agency', 'photo_video'],
  ecommerce: ['ecommerce_platform', 'logistics', 'developer'],
  marketing: ['marketing_agency', 'photo_video'],
  omnichannel: ['payment_pos', 'developer'],
  data: ['developer', 'trainer'],
  operations: ['payment_pos', 'logistics'],
  security: ['developer'],
  skills: ['trainer'],
};

/** A supplier that fits a recommended action and serves the business's region and language, if any. */
export function supplierForAction(
  suppliers: (DemoSupplier & { id: string })[],
  recommendationKey: string | null,
  business: { region: string; language: Locale },
  random: Random,
): string | null {
  const categories = CATEGORIES_BY_DIMENSION[recommendationKey?.split('_')[0] ?? ''] ?? [];
  const fitting = suppliers.filter(
    (s) =>
      s.categories.some((c) => categories.includes(c)) &&
      s.regions.includes(business.region as RegionCode) &&
      s.languages.includes(business.language),
  );
  return fitting.length > 0 ? random.pick(fitting).id : null;
}

const RATING_COMMENTS: Record<Locale, string[]> = {
  fr: [
    'Très bon service, à l’écoute de nos besoins.',
    'Travail soigné, livré à temps.',
    'Bon produit, mais le soutien a tardé à répondre.',
    'Prix raisonnable pour un petit commerce.',
  ],
  en: [
    'Very good service, they listened to our needs.',
    'Careful work, delivered on time.',
    'Good product, but support was slow to answer.',
    'Fair price for a small shop.',
  ],
};

/** A retailer's rating of a supplier they worked with: mostly good, sometimes with a word. */
export function supplierRating(language: Locale, random: Random): { rating: number; comment?: string } {
  const rating = random.weighted([
    [5, 40],
    [4, 35],
    [3, 15],
    [2, 7],
    [1, 3],
  ] as const);
  return random.chance(0.6) ? { rating, comment: random.pick(RATING_COMMENTS[language]) } : { rating };
}
