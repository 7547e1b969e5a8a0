import type { Locale } from '../../../kernel/locale.ts';
import type { DemoBusiness } from './businesses.ts';
import { type Random, randomFor } from './random.ts';

type Localised = Record<Locale, string>;

/** What the coordinator does with an eligible application once they get to it. */
export type Stance = 'accept' | 'refuse' | 'ask_information' | 'leave_pending';

/**
 * How one retailer goes through intake and the entry diagnostic, in days before the moment the demo is
 * generated. What the coordinator does with an ineligible application is not chosen here: the program's
 * real eligibility rules judge it at submission.
 */
export type IntakeJourney = {
  application: 'none' | 'draft' | 'submitted';
  startedDaysAgo: number;
  submittedDaysAgo: number;
  stance: Stance;
  /** Below one day ago, the coordinator has not got to it yet. */
  decidedDaysAgo: number;
  /** Why it is refused, or what information is asked, in the retailer's language. */
  reason: string | null;
  /** Found ineligible, the retailer asks a person to review the assessment (and waits) instead of being refused. */
  asksForReview: boolean;
  /** The retailer withdraws before any decision; null when they do not. */
  withdrawsDaysAgo: number | null;
  consents: { participation: true; research: boolean; surveys: boolean; publication: boolean };
  goals: string;
  challenges: string;
  onlinePresence: (
    | 'website'
    | 'online_store'
    | 'social_media'
    | 'google_business_profile'
    | 'marketplace'
    | 'none'
  )[];
  languagesServed: ('fr' | 'en' | 'other')[];
  /** Referred by the demo partner, the SDC du Vieux-Québec (businesses of Québec City only). */
  referred: boolean;
  /** 0 = nothing digital yet … 1 = fully digital: drives the diagnostic answers. */
  maturity: number;
  /** The entry diagnostic once accepted: when it is started, over how many days, and whether it is finished. */
  diagnostic: { startsDaysAfterDecision: number; sittingDays: number; completes: boolean } | null;
};

/** Where the program stands: it opened this many days before the demo's "now". */
export const PROGRAM_AGE_DAYS = 125;

const GOALS: Localised[] = [
  {
    fr: 'Vendre une partie de notre inventaire en ligne et offrir la cueillette en magasin.',
    en: 'Sell part of our inventory online and offer in-store pickup.',
  },
  {
    fr: 'Mieux nous faire connaître dans la région grâce aux réseaux sociaux.',
    en: 'Become better known in the area through social media.',
  },
  {
    fr: 'Avoir un site Web à jour où les clients trouvent nos heures, nos produits et nos prix.',
    en: 'Have an up-to-date website where customers find our hours, products and prices.',
  },
  {
    fr: 'Fidéliser notre clientèle avec une infolettre et un programme de fidélité.',
    en: 'Keep our customers coming back with a newsletter and a loyalty program.',
  },
  {
    fr: "Gérer l'inventaire du magasin et des ventes en ligne au même endroit.",
    en: 'Manage store and online inventory in one place.',
  },
  {
    fr: 'Attirer une clientèle plus jeune, qui magasine sur son téléphone.',
    en: 'Attract younger customers who shop on their phones.',
  },
];
const CHALLENGES: Localised[] = [
  {
    fr: 'Peu de temps pour publier régulièrement sur les réseaux sociaux.',
    en: 'Little time to post regularly on social media.',
  },
  {
    fr: 'Notre site Web est vieux et difficile à mettre à jour.',
    en: 'Our website is old and hard to update.',
  },
  {
    fr: 'Nous ne savons pas quels outils choisir ni combien ils coûtent.',
    en: 'We do not know which tools to choose or what they cost.',
  },
  {
    fr: 'La concurrence des grandes plateformes en ligne.',
    en: 'Competition from the big online platforms.',
  },
  {
    fr: "Personne dans l'équipe n'a de formation en marketing numérique.",
    en: 'Nobody on the team has training in digital marketing.',
  },
];
const REFUSALS: Localised[] = [
  {
    fr: "Le commerce est en cours de vente et le nouveau propriétaire n'est pas encore connu. Nous vous invitons à présenter une nouvelle demande après la transaction.",
    en: 'The business is being sold and the new owner is not known yet. We invite you to apply again after the sale.',
  },
  {
    fr: "L'activité principale décrite relève de la vente en gros plutôt que du commerce de détail.",
    en: 'The main activity described is wholesale rather than retail.',
  },
  {
    fr: 'Le commerce reçoit déjà, pour la même période, un accompagnement numérique financé par un autre programme.',
    en: 'The business already receives digital coaching funded by another program for the same period.',
  },
];
const INFORMATION_REQUESTS: Localised[] = [
  {
    fr: 'Pouvez-vous confirmer le nombre d’employés (temps plein et temps partiel) en joignant votre dernière déclaration au Registraire des entreprises?',
    en: 'Could you confirm the number of employees (full and part time) by attaching your latest declaration to the Registraire des entreprises?',
  },
  {
    fr: "L'adresse du commerce diffère de celle inscrite au Registraire des entreprises : pouvez-vous préciser où se trouve le magasin?",
    en: 'The store address differs from the one at the Registraire des entreprises: could you tell us where the store is?',
  },
  {
    fr: 'Pouvez-vous décrire en quelques lignes ce que vous vendez et à qui, pour confirmer l’activité de commerce de détail?',
    en: 'Could you describe in a few lines what you sell and to whom, to confirm the retail activity?',
  },
];
export const REVIEW_REQUEST: Localised = {
  fr: 'Pouvez-vous revoir notre demande? Nous pensons être admissibles.',
  en: 'Could a person review our application? We believe we qualify.',
};

/** The refusal of an application the eligibility rules found ineligible: the criteria it failed, in the retailer's words. */
export function ineligibleReason(locale: Locale, failures: string[]): string {
  return `${locale === 'fr' ? 'Non admissible selon les critères du programme :' : 'Not eligible under the program’s criteria:'} ${failures.join(' ')}`;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** How digital a business already is: bigger shops and those with a website tend to be further along. */
function maturityOf(business: DemoBusiness, random: Random): number {
  const base = 0.18 + 0.08 * Math.log(business.employees + 1) + (business.website ? 0.12 : 0);
  return clamp(base + random.between(-0.2, 0.2) + random.between(-0.2, 0.2), 0.03, 0.97);
}

function onlinePresenceOf(
  business: DemoBusiness,
  maturity: number,
  random: Random,
): IntakeJourney['onlinePresence'] {
  const presence: IntakeJourney['onlinePresence'] = [];
  if (business.website) presence.push('website');
  if (random.chance(0.3 + maturity * 0.6)) presence.push('social_media');
  if (random.chance(maturity)) presence.push('google_business_profile');
  if (maturity > 0.55 && random.chance(maturity - 0.3)) presence.push('online_store');
  if (maturity > 0.6 && random.chance(0.2)) presence.push('marketplace');
  return presence.length > 0 ? presence : ['none'];
}

/** The intake journey of each generated business, the same for the same seed. */
export function intakeJourneys(businesses: DemoBusiness[], seed: number): IntakeJourney[] {
  return businesses.map((business, i) => {
    const random = randomFor(seed, 'intake', i);
    const locale = business.contact.locale;
    const application = random.weighted([
      ['submitted', 90],
      ['draft', 4],
      ['none', 6],
    ] as const);
    // More applications in the first weeks after the launch, then a steady trickle.
    const submittedDaysAgo = 1 + (PROGRAM_AGE_DAYS - 8) * Math.sqrt(random.next());
    const startedDaysAgo =
      application === 'draft' ? random.between(1, 40) : submittedDaysAgo + random.between(0.02, 4);
    const stance = random.weighted([
      ['accept', 86],
      ['leave_pending', 7],
      ['ask_information', 4],
      ['refuse', 3],
    ] as const);
    const decidedDaysAgo = submittedDaysAgo - random.between(1.5, 9);
    const reason =
      stance === 'refuse'
        ? random.pick(REFUSALS)[locale]
        : stance === 'ask_information'
          ? random.pick(INFORMATION_REQUESTS)[locale]
          : null;
    const withdraws = random.chance(0.015) ? submittedDaysAgo - random.between(0.5, 10) : null;
    const maturity = maturityOf(business, random);
    const goals = random.sample(GOALS, random.int(1, 2));
    const montrealOrOutaouais = business.region === '06' || business.region === '07';
    return {
      application,
      startedDaysAgo,
      submittedDaysAgo,
      stance,
      decidedDaysAgo,
      reason,
      asksForReview: random.chance(0.35),
      withdrawsDaysAgo:
        withdraws !== null && withdraws > 0.2 && withdraws > decidedDaysAgo ? withdraws : null,
      consents: {
        participation: true,
        research: random.chance(0.6),
        surveys: random.chance(0.8),
        publication: random.chance(0.4),
      },
      goals: goals.map((g) => g[locale]).join(' '),
      challenges: random.pick(CHALLENGES)[locale],
      onlinePresence: onlinePresenceOf(business, maturity, random),
      languagesServed:
        locale === 'en' ? ['en', 'fr'] : montrealOrOutaouais && random.chance(0.6) ? ['fr', 'en'] : ['fr'],
      referred: business.municipalityName === 'Québec' && random.chance(0.4),
      maturity,
      diagnostic: random.chance(0.88)
        ? {
            startsDaysAfterDecision: random.between(0.3, 12),
            sittingDays: random.chance(0.7) ? random.between(0.01, 0.1) : random.between(1, 6),
            completes: random.chance(0.93),
          }
        : null,
    };
  });
}

/** The demo retailer's story: accepted ten weeks ago, entry diagnostic done in one sitting. */
export const DEMO_RETAILER_JOURNEY: IntakeJourney = {
  application: 'submitted',
  startedDaysAgo: 76,
  submittedDaysAgo: 75,
  stance: 'accept',
  decidedDaysAgo: 71,
  reason: null,
  asksForReview: false,
  withdrawsDaysAgo: null,
  consents: { participation: true, research: true, surveys: true, publication: true },
  goals:
    'Vendre nos paniers-cadeaux en ligne, avec la cueillette au magasin, et faire connaître nos produits du terroir sur les réseaux sociaux.',
  challenges: 'Notre site Web date de 2015 et personne n’a le temps de publier régulièrement.',
  onlinePresence: ['website', 'social_media'],
  languagesServed: ['fr', 'en'],
  referred: true,
  maturity: 0.35,
  diagnostic: { startsDaysAfterDecision: 2, sittingDays: 0.05, completes: true },
};
