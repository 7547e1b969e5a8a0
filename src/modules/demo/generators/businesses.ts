import { base, en, Faker, fr, fr_CA } from '@faker-js/faker';
import type { RevenueBand } from '../../../kernel/business.ts';
import { MUNICIPALITIES, type Municipality } from '../../../kernel/municipalities.ts';

export type DemoBusiness = {
  legalName: string;
  tradeName: string;
  neq: string;
  street: string;
  municipalityCode: string;
  municipalityName: string;
  region: string;
  postalCode: string;
  phone: string;
  email: string;
  website: string | null;
  naics: string;
  employees: number;
  foundedYear: number;
  revenueBand: RevenueBand;
  contact: { firstName: string; lastName: string; email: string; locale: 'fr' | 'en' };
};

// Shop names by retail subsector, the way Québec storefronts are named.
const NAMES: Record<string, string[]> = {
  '441': ['Garage {last}', "Pièces d'auto {town}", 'Centre du pneu {last}', 'Motos {last}'],
  '444': ['Quincaillerie {last}', 'Centre de jardin {town}', 'Matériaux {last}', 'Peintures {first}'],
  '445': [
    'Épicerie {last}',
    'Boulangerie {first}',
    'Fromagerie {town}',
    'Boucherie {last}',
    'Marché {town}',
    'Chocolaterie {first}',
  ],
  '449': ['Meubles {last}', 'Électro {town}', 'Déco {first}', 'Literie {last}'],
  '455': ['Magasin général {town}', 'Bazar {last}', 'Comptoir {town}'],
  '456': ['Pharmacie {last}', 'Herboristerie {town}', 'Lunetterie {first}', 'Beauté {first}'],
  '457': ['Station-service {town}', 'Dépanneur et essence {last}'],
  '458': [
    'Boutique {first}',
    'Chaussures {last}',
    'Bijouterie {last}',
    'Mode {first} {last}',
    'Friperie {town}',
  ],
  '459': [
    'Librairie {last}',
    'Sports {town}',
    'Musique {last}',
    'Jouets {first}',
    'Fleuriste {first}',
    'Animalerie {town}',
  ],
};
// Roughly how Québec retail is spread across subsectors (food and clothing lead).
const NAICS_WEIGHTS: [string, number][] = [
  ['441', 6],
  ['444', 8],
  ['445', 22],
  ['449', 9],
  ['455', 5],
  ['456', 12],
  ['457', 5],
  ['458', 17],
  ['459', 16],
];
const EMPLOYEE_BANDS: [number, number, number][] = [
  [1, 4, 48],
  [5, 9, 25],
  [10, 19, 15],
  [20, 50, 10],
  [51, 90, 2], // a few too big, as in real intake
];
const REVENUE_BY_SIZE: Record<string, RevenueBand[]> = {
  small: ['lt100k', '100k-250k', '250k-500k'],
  medium: ['250k-500k', '500k-1m', '1m-2m'],
  large: ['1m-2m', '2m-5m', 'gt5m'],
};
const AREA_CODES: Record<string, string[]> = {
  '06': ['514', '438'],
  '13': ['450', '579'],
  '16': ['450', '579'],
  '15': ['450', '579'],
  '14': ['450', '579'],
  '03': ['418', '581'],
  '12': ['418', '581'],
  '01': ['418', '581'],
  '02': ['418', '581'],
  '09': ['418', '581'],
  '11': ['418', '581'],
};
const POSTAL_FIRST: Record<string, string> = {
  '06': 'H',
  '13': 'H',
  '03': 'G',
  '12': 'G',
  '01': 'G',
  '02': 'G',
  '09': 'G',
  '11': 'G',
  '04': 'G',
};
const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVXY';

function weighted<T>(faker: Faker, entries: [T, number][]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let pick = faker.number.float({ min: 0, max: total });
  for (const [value, weight] of entries) {
    pick -= weight;
    if (pick <= 0) return value;
  }
  return entries.at(-1)![0];
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A 10-digit NEQ whose digits 3–10 pass the Luhn check, as real ones observed do. */
function neqFor(faker: Faker): string {
  const body = faker.helpers.arrayElement(['11', '22', '33']) + faker.string.numeric(7);
  for (let check = 0; check <= 9; check++) {
    const digits = (body + check).slice(2).split('').map(Number);
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = digits[digits.length - 1 - i]!;
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return body + check;
  }
  throw new Error('unreachable');
}

/** The first step of an application form (who the business is and how to reach it), as typed by its owner. */
export function applicationIdentity(b: DemoBusiness) {
  return {
    legalName: b.legalName,
    tradeName: b.tradeName,
    neq: b.neq,
    street: b.street,
    municipality: b.municipalityCode,
    postalCode: b.postalCode,
    phone: b.phone,
    email: b.email,
  };
}

/** Every fact of an application form that a generated business holds (the owner's own words aside). */
export function applicationFacts(b: DemoBusiness) {
  return {
    ...applicationIdentity(b),
    website: b.website ?? '',
    naics: b.naics,
    employees: b.employees,
    foundedYear: b.foundedYear,
    annualRevenueBand: b.revenueBand,
    contactName: `${b.contact.firstName} ${b.contact.lastName}`,
  };
}

/**
 * Realistic, deterministic Québec retailers: the same seed always gives the same businesses.
 * Municipalities are drawn in proportion to their population, so Montréal gets its share.
 */
export function generateBusinesses(count: number, seed: number): DemoBusiness[] {
  const faker = new Faker({ locale: [fr_CA, fr, en, base] });
  faker.seed(seed);
  const towns: [Municipality, number][] = MUNICIPALITIES.map((m) => [m, Math.max(m.population, 50)]);
  const usedEmails = new Set<string>();
  const businesses: DemoBusiness[] = [];
  for (let i = 0; i < count; i++) {
    const town = weighted(faker, towns);
    const naics = weighted(faker, NAICS_WEIGHTS);
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const tradeName = faker.helpers
      .arrayElement(NAMES[naics]!)
      .replace('{first}', first)
      .replace('{last}', last)
      .replace('{town}', town.name);
    const numbered = faker.number.int({ min: 0, max: 2 }) === 0;
    const legalName = numbered
      ? `${faker.string.numeric({ length: 4, allowLeadingZeros: false }).replace(/^./, '9')}-${faker.string.numeric(4)} Québec inc.`
      : `${tradeName} inc.`;
    const [low, high] = weighted(
      faker,
      EMPLOYEE_BANDS.map(([a, b, w]) => [[a, b] as const, w]),
    );
    const employees = faker.number.int({ min: low, max: high });
    const revenueBand = faker.helpers.arrayElement(
      REVENUE_BY_SIZE[employees < 5 ? 'small' : employees < 20 ? 'medium' : 'large']!,
    );
    const domain = `${slug(tradeName).slice(0, 40)}.ca`;
    const contactFirst = faker.number.int({ min: 0, max: 1 }) ? first : faker.person.firstName();
    let email = `${slug(contactFirst)}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${slug(contactFirst)}${n}@${domain}`;
    usedEmails.add(email);
    const letter = () => faker.helpers.arrayElement(POSTAL_LETTERS.split(''));
    const postalCode = `${POSTAL_FIRST[town.region] ?? 'J'}${faker.number.int(9)}${letter()} ${faker.number.int(9)}${letter()}${faker.number.int(9)}`;
    businesses.push({
      legalName,
      tradeName,
      neq: neqFor(faker),
      street: `${faker.number.int({ min: 1, max: 9999 })}, ${faker.helpers.arrayElement(['rue', 'boulevard', 'avenue', 'chemin', 'rang'])} ${faker.person.lastName()}`,
      municipalityCode: town.code,
      municipalityName: town.name,
      region: town.region,
      postalCode,
      phone: `${faker.helpers.arrayElement(AREA_CODES[town.region] ?? ['819', '873'])} ${faker.string.numeric(3)}-${faker.string.numeric(4)}`,
      email,
      website: faker.number.int({ min: 0, max: 9 }) < 6 ? `https://www.${domain}` : null,
      naics,
      employees,
      foundedYear: faker.number.int({ min: 1955, max: 2025 }),
      revenueBand,
      contact: {
        firstName: contactFirst,
        lastName: last,
        email,
        locale: faker.number.int({ min: 0, max: 99 }) < 85 ? 'fr' : 'en',
      },
    });
  }
  return businesses;
}

/**
 * The demo retailer's own business (detaillant@demo.virage.quebec): a fine-food shop in Québec City,
 * referred by the demo partner; fictional, with a 555-01xx phone number and a reserved domain.
 */
export const DEMO_RETAILER_BUSINESS: DemoBusiness = {
  legalName: 'Épicerie fine Chez Rémi inc.',
  tradeName: 'Épicerie fine Chez Rémi',
  neq: '1167845230',
  street: '412, rue Saint-Jean',
  municipalityCode: '23027',
  municipalityName: 'Québec',
  region: '03',
  postalCode: 'G1R 1P7',
  phone: '418 555-0142',
  email: 'detaillant@demo.virage.quebec',
  website: 'https://www.epicerie-chez-remi.example',
  naics: '445',
  employees: 8,
  foundedYear: 2011,
  revenueBand: '500k-1m',
  contact: {
    firstName: 'Rémi',
    lastName: 'Détaillant',
    email: 'detaillant@demo.virage.quebec',
    locale: 'fr',
  },
};
