import type { Locale } from '../../../kernel/locale.ts';
import type { RegionCode } from '../../../kernel/quebec.ts';
import { SPECIALTY_IDS, type Specialty } from '../../experts/index.ts';
import { randomFor } from './random.ts';

export type DemoExpert = {
  /** Null for the demo expert account, which already exists. */
  account: { email: string; name: string; locale: Locale } | null;
  regions: RegionCode[];
  languages: Locale[];
  specialties: Specialty[];
};

/**
 * Who covers which regions: about a twelfth of Québec's population each (Montréal and Montérégie need
 * several experts, the remote regions are grouped), every one of the 17 regions covered. The first is
 * the demo expert's territory (Capitale-Nationale, where the demo retailer is).
 */
const TERRITORIES: { regions: RegionCode[]; english: boolean }[] = [
  { regions: ['03'], english: true },
  { regions: ['06'], english: false },
  { regions: ['06', '13'], english: false },
  { regions: ['06'], english: true },
  { regions: ['16'], english: false },
  { regions: ['16', '05'], english: true },
  { regions: ['15', '13'], english: false },
  { regions: ['14', '17'], english: false },
  { regions: ['07', '08', '10'], english: true },
  { regions: ['12', '04'], english: false },
  { regions: ['02', '09'], english: false },
  { regions: ['01', '11', '09'], english: false },
];

const DEMO_EXPERT_SPECIALTIES: Specialty[] = [
  'online_marketing_social',
  'ecommerce_platforms',
  'web_presence',
];

const FIRST_NAMES = [
  'Geneviève',
  'Mathieu',
  'Isabelle',
  'Olivier',
  'Catherine',
  'Alexandre',
  'Marie-Ève',
  'Jean-François',
  'Sophie',
  'Maxime',
  'Nadia',
  'Étienne',
  'Annie',
  'Louis-Philippe',
  'Valérie',
  'François',
  'Mélanie',
  'Simon',
  'Karine',
  'Sébastien',
];
const LAST_NAMES = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Paquette',
  'Girard',
  'Simard',
  'Caron',
  'Beaulieu',
];
// Some of the bilingual experts are anglophone Quebecers, with English as their account's language.
const ANGLOPHONE_NAMES = ['Sarah Mitchell', 'David Cohen', 'Emily Wong', "Kevin O'Brien", 'Rachel Goldberg'];

const emailOf = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@demo.virage.quebec`;

/**
 * The program's twelve experts: the demo expert plus eleven generated colleagues with Québec names,
 * French-speaking (a few also English), two or three specialties each, every specialty covered.
 */
export function demoExperts(seed: number): DemoExpert[] {
  const random = randomFor(seed, 'experts');
  const firsts = random.sample(FIRST_NAMES, TERRITORIES.length);
  const lasts = random.sample(LAST_NAMES, TERRITORIES.length);
  const anglophones = random.sample(ANGLOPHONE_NAMES, ANGLOPHONE_NAMES.length);
  // Every specialty once, in a shuffled order, then one or two more per expert.
  const firstSpecialties = random.sample(SPECIALTY_IDS, SPECIALTY_IDS.length);
  return TERRITORIES.map((territory, i) => {
    const languages: Locale[] = territory.english ? ['fr', 'en'] : ['fr'];
    if (i === 0)
      return { account: null, regions: territory.regions, languages, specialties: DEMO_EXPERT_SPECIALTIES };
    const anglophone = territory.english && random.chance(0.5);
    const name = anglophone ? anglophones.pop()! : `${firsts[i]} ${lasts[i]}`;
    const first = firstSpecialties[(i - 1) % firstSpecialties.length]!;
    const others = random.sample(
      SPECIALTY_IDS.filter((s) => s !== first),
      random.int(1, 2),
    );
    return {
      account: { email: emailOf(name), name, locale: anglophone ? 'en' : 'fr' },
      regions: territory.regions,
      languages,
      specialties: [first, ...others],
    };
  });
}

/**
 * Active files each expert may hold: the accepted businesses shared among the experts with a tenth to
 * spare, so that everyone is busy and nobody is over capacity.
 */
export function expertCapacity(acceptedBusinesses: number, experts: number): number {
  return Math.max(3, Math.ceil((acceptedBusinesses * 1.1) / experts));
}
