import { formatDate, montrealInstant } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { type Random, randomFor } from './random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type SessionMode = 'in_store' | 'video' | 'phone';

/** A business being coached, as far as its story needs. */
export type FileToCoach = {
  /** Index of its expert: sessions of one expert never overlap. */
  expert: number;
  expertLanguage: Locale;
  /** The demo expert's files get sessions this week, so that their caseload and calendar show some. */
  demoExpert: boolean;
  assignedAt: Date;
  /** The entry diagnostic is complete, so the action plan can be drafted from it. */
  diagnosed: boolean;
  language: Locale;
  /** Outside the expert's regions: meetings by video or phone, no visits. */
  remote: boolean;
  /** The demo retailer's own file: a fixed story (one session behind, one this week, a plan under way). */
  demoRetailer: boolean;
};

export type PlannedSession = {
  scheduledAt: Date;
  startsAt: Date;
  durationMinutes: number;
  mode: SessionMode;
  /** What the expert records after it took place; null while it is ahead. */
  record: { at: Date; hours: number; notes: string | null; summary: string; summaryShared: boolean } | null;
  /** Called off by the expert before it took place. */
  cancelledAt: Date | null;
};

export type Closure = {
  at: Date;
  outcome: 'completed' | 'abandoned';
  reason: string | null;
  /** When the retailer answers the closing survey, and takes the closing diagnostic (T1); null if they do not (yet). */
  surveyAnsweredAt: Date | null;
  closingDiagnosticAt: Date | null;
};

export type CoachingJourney = {
  sessions: PlannedSession[];
  /**
   * The action plan as the expert saves it: a draft after the first session, or approved, complete,
   * after the second (saved once, either way).
   */
  plan: { savedAt: Date; approved: boolean } | null;
  closure: Closure | null;
};

// Meetings of up to 90 minutes start on these Montréal hours, Monday to Friday: three a day at most,
// leaving time to travel to in-store visits and write plans. A full agenda leaves files waiting.
const SLOTS = ['09:00', '11:00', '14:00'];
const DURATION: Record<SessionMode, number> = { in_store: 90, video: 60, phone: 45 };
const MAX_SESSIONS = 6;

const FIRST_SUMMARY: Record<Locale, string> = {
  fr: 'Visite du commerce et retour sur le diagnostic. Nous avons choisi ensemble les priorités du plan d’action. D’ici la prochaine rencontre : rassembler les accès (site Web, réseaux sociaux, fiche Google) et des photos des produits vedettes.',
  en: 'Visit of the store and review of the diagnostic. We chose the priorities of the action plan together. Before our next meeting: gather your access details (website, social media, Google profile) and photos of your best-selling products.',
};
const FOLLOW_UP_SUMMARIES: Record<Locale, string>[] = [
  {
    fr: 'Suivi du plan : la fiche d’entreprise Google est à jour et les heures d’ouverture sont corrigées. Prochaine étape : un calendrier de publications pour les quatre prochaines semaines.',
    en: 'Plan follow-up: the Google business profile is up to date and opening hours are fixed. Next step: a posting calendar for the next four weeks.',
  },
  {
    fr: 'Atelier réseaux sociaux : trois modèles de publications préparés avec l’équipe. Prochaine étape : mesurer la portée des publications et ajuster.',
    en: 'Social media workshop: three post templates prepared with the team. Next step: measure the reach of the posts and adjust.',
  },
  {
    fr: 'Revue des soumissions reçues pour la boutique en ligne : comparaison des frais mensuels et des frais par transaction. Décision attendue avant la prochaine rencontre.',
    en: 'Review of the quotes received for the online store: monthly and per-transaction fees compared. Decision expected before the next meeting.',
  },
  {
    fr: 'Bilan d’étape : deux actions terminées, une en cours. Les premières ventes en ligne sont arrivées; on prépare l’infolettre du mois prochain.',
    en: 'Progress review: two actions done, one under way. The first online sales came in; we are preparing next month’s newsletter.',
  },
];
const NOTES: Record<Locale, string[]> = {
  fr: [
    'Propriétaire très motivé, mais peu de temps en semaine : privilégier les rencontres tôt le matin.',
    'Budget serré : viser d’abord les actions gratuites (fiche Google, réseaux sociaux).',
    'Un membre de la famille s’occupe du site Web; l’inviter à la prochaine rencontre.',
    'Inventaire non informatisé : à régler avant d’ouvrir la boutique en ligne.',
    'Équipe enthousiaste; demande un coup de main pour la photo de produits.',
    'Faire le suivi de la demande d’aide financière pour le site transactionnel.',
  ],
  en: [
    'Very motivated owner, but little time on weekdays: prefer early-morning meetings.',
    'Tight budget: start with the free actions (Google profile, social media).',
    'A family member runs the website; invite them to the next meeting.',
    'Inventory is not computerised: to fix before opening the online store.',
    'Enthusiastic team; asked for help with product photos.',
    'Follow up on the financial aid request for the online store.',
  ],
};
const ABANDON_REASONS: Record<Locale, string[]> = {
  fr: [
    'Le commerce a fermé ses portes.',
    'Le propriétaire manque de temps cette année et préfère reporter sa démarche.',
    'Entreprise vendue en cours d’accompagnement; la nouvelle propriétaire ne souhaite pas poursuivre.',
    'Aucune réponse aux relances depuis plusieurs semaines.',
  ],
  en: [
    'The store has closed.',
    'The owner is short of time this year and prefers to postpone.',
    'The business was sold during the coaching; the new owner does not wish to continue.',
    'No answer to follow-ups for several weeks.',
  ],
};

const addDays = (isoDay: string, days: number) => {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const isWorkday = (isoDay: string) => {
  const weekday = new Date(`${isoDay}T12:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
};
const later = (a: Date, b: Date) => (a > b ? a : b);
const earlier = (a: Date, b: Date) => (a < b ? a : b);
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/**
 * An expert's agenda: books the free slot nearest to the day wanted, within `from`–`to`, so that no two
 * sessions of the same expert ever overlap (scheduling refuses that).
 */
function book(taken: Set<string>, wanted: Date, from: Date, to: Date, random: Random): Date | null {
  const day = formatDate(wanted);
  for (let distance = 0; distance <= 8; distance++) {
    for (const offset of distance === 0 ? [0] : [distance, -distance]) {
      const isoDay = addDays(day, offset);
      if (!isWorkday(isoDay)) continue;
      for (const slot of random.sample(SLOTS, SLOTS.length)) {
        const start = montrealInstant(isoDay, slot)!; // daytime hours always exist
        if (start < from || start > to || taken.has(`${isoDay} ${slot}`)) continue;
        taken.add(`${isoDay} ${slot}`);
        return start;
      }
    }
  }
  return null;
}

function hoursFor(minutes: number, random: Random): number {
  return minutes / 60 + random.pick([0, 0.25, 0.25, 0.5]);
}

function held(
  file: FileToCoach,
  startsAt: Date,
  mode: SessionMode,
  first: boolean,
  now: Date,
  random: Random,
): NonNullable<PlannedSession['record']> {
  const end = plus(startsAt, DURATION[mode] * 60_000);
  return {
    at: earlier(plus(end, random.between(1, 20) * HOUR), plus(now, -10 * 60_000)),
    hours: hoursFor(DURATION[mode], random),
    notes: random.chance(0.6) ? random.pick(NOTES[file.expertLanguage]) : null,
    summary: (first ? FIRST_SUMMARY : random.pick(FOLLOW_UP_SUMMARIES))[file.language],
    summaryShared: random.chance(0.85),
  };
}

function modeOf(file: FileToCoach, first: boolean, random: Random): SessionMode {
  if (file.remote) return random.chance(0.7) ? 'video' : 'phone';
  if (first) return 'in_store';
  return random.weighted([
    ['video', 55],
    ['in_store', 25],
    ['phone', 20],
  ] as const);
}

/** The demo retailer's file: a visit two weeks ago, a video call this week, a plan approved in between. */
function demoRetailerJourney(
  file: FileToCoach,
  taken: Set<string>,
  now: Date,
  random: Random,
): CoachingJourney {
  const sessions: PlannedSession[] = [];
  const visit = book(taken, plus(now, -14 * DAY), plus(file.assignedAt, DAY), plus(now, -3 * HOUR), random);
  if (!visit) return { sessions, plan: null, closure: null };
  const record = held(file, visit, 'in_store', true, now, random);
  sessions.push({
    scheduledAt: plus(file.assignedAt, 2 * DAY),
    startsAt: visit,
    durationMinutes: DURATION.in_store,
    mode: 'in_store',
    record: { ...record, summaryShared: true },
    cancelledAt: null,
  });
  const call = book(taken, plus(now, 2 * DAY), plus(now, 3 * HOUR), plus(now, 6 * DAY), random);
  if (call)
    sessions.push({
      scheduledAt: plus(record.at, HOUR),
      startsAt: call,
      durationMinutes: DURATION.video,
      mode: 'video',
      record: null,
      cancelledAt: null,
    });
  const savedAt = earlier(plus(record.at, DAY), plus(now, -2 * HOUR));
  return { sessions, plan: { savedAt, approved: true }, closure: null };
}

/**
 * What happens to each assigned file after its assignment, in order: sessions booked in the experts'
 * agendas (held ones in the past with hours, notes and a summary; at most one ahead), the action plan,
 * and for a few the closure, completed or abandoned, with the retailer's closing survey. Most files are
 * active; some stay silent (flagged after 30 days without contact); a few drop out.
 */
export function coachingJourneys(files: FileToCoach[], now: Date, seed: number): CoachingJourney[] {
  const agendas = new Map<number, Set<string>>();
  let demoExpertThisWeek = 0;
  return files.map((file, i) => {
    const random = randomFor(seed, 'coaching', i);
    const taken = agendas.get(file.expert) ?? new Set<string>();
    agendas.set(file.expert, taken);
    if (file.demoRetailer) return demoRetailerJourney(file, taken, now, random);

    const engagement = random.weighted([
      ['active', 81],
      ['silent', 12],
      ['drops', 7],
    ] as const);
    const journey: CoachingJourney = { sessions: [], plan: null, closure: null };
    if (engagement === 'silent') return journey;
    const dropsAfter = random.int(1, 2);
    let draft: CoachingJourney['plan'] = null;
    let approval: CoachingJourney['plan'] = null;
    const completes = random.chance(0.3);
    let wanted = plus(file.assignedAt, random.between(4, 18) * DAY);
    for (let k = 0; k < MAX_SESSIONS; k++) {
      const previous = journey.sessions.at(-1);
      const past = wanted < plus(now, -DAY);
      const thisWeek = !past && file.demoExpert && demoExpertThisWeek < 5;
      if (!past && wanted > plus(now, 21 * DAY) && !thisWeek) break;
      if (thisWeek) wanted = plus(now, random.between(0.5, 5) * DAY);
      const from = past
        ? later(plus(file.assignedAt, DAY), previous ? plus(previous.startsAt, 5 * DAY) : file.assignedAt)
        : plus(now, 3 * HOUR);
      const to = past ? plus(now, -3 * HOUR) : plus(now, (thisWeek ? 6 : 30) * DAY);
      const startsAt = book(taken, wanted, from, to, random);
      if (!startsAt) break;
      const mode = modeOf(file, k === 0, random);
      // Booked a few days to two weeks ahead, after the assignment (or the previous session), never later than now.
      const earliest = previous ? plus(previous.startsAt, 2 * HOUR) : plus(file.assignedAt, HOUR);
      const latest = earlier(plus(startsAt, -HOUR), plus(now, -HOUR));
      if (earliest > latest) break;
      const scheduledAt = earlier(later(plus(startsAt, -random.between(3, 14) * DAY), earliest), latest);
      const isHeld = startsAt < now;
      const session: PlannedSession = {
        scheduledAt,
        startsAt,
        durationMinutes: DURATION[mode],
        mode,
        record: isHeld ? held(file, startsAt, mode, k === 0, now, random) : null,
        cancelledAt: null,
      };
      journey.sessions.push(session);
      if (!isHeld) {
        if (thisWeek) demoExpertThisWeek++;
        // Now and then the expert has to call off the next meeting (to be booked again later).
        else if (scheduledAt < plus(now, -2 * HOUR) && random.chance(0.05))
          session.cancelledAt = new Date(random.between(scheduledAt.getTime() + HOUR, now.getTime() - HOUR));
        break;
      }
      const record = session.record!;
      const heldCount = journey.sessions.length;
      if (file.diagnosed && heldCount === 1)
        draft = { savedAt: plus(record.at, random.between(0.2, 3) * DAY), approved: false };
      if (draft && heldCount === 2 && random.chance(0.85))
        approval = {
          savedAt: later(plus(record.at, random.between(0.1, 2) * DAY), plus(draft.savedAt, HOUR)),
          approved: true,
        };
      if (engagement === 'drops' && heldCount >= dropsAfter) {
        journey.closure = abandonment(file, record.at, now, random);
        break;
      }
      if (completes && heldCount >= 3 && approval) {
        journey.closure = completion(approval.savedAt, record.at, now, random);
        if (journey.closure) break;
      }
      wanted = plus(startsAt, random.between(18, 32) * DAY);
    }
    // Plans and closures only happen in the past.
    const settled = (plan: CoachingJourney['plan']) =>
      plan && plan.savedAt <= plus(now, -HOUR) ? plan : null;
    journey.plan = settled(approval) ?? settled(draft);
    if (
      journey.closure &&
      (journey.closure.at > plus(now, -HOUR) ||
        (journey.closure.outcome === 'completed' && !journey.plan?.approved))
    )
      journey.closure = null;
    return journey;
  });
}

function surveyAndT1(closedAt: Date, now: Date, random: Random, answers: number, retakes: number) {
  const surveyAt = plus(closedAt, random.between(0.5, 9) * DAY);
  const t1At = plus(closedAt, random.between(1, 6) * DAY);
  return {
    surveyAnsweredAt: random.chance(answers) && surveyAt < now ? surveyAt : null,
    closingDiagnosticAt: random.chance(retakes) && t1At < now ? t1At : null,
  };
}

function abandonment(file: FileToCoach, lastContact: Date, now: Date, random: Random): Closure {
  const at = plus(lastContact, random.between(10, 25) * DAY);
  return {
    at,
    outcome: 'abandoned',
    reason: random.pick(ABANDON_REASONS[file.expertLanguage]),
    ...surveyAndT1(at, now, random, 0.5, 0),
  };
}

function completion(approvedAt: Date, lastSession: Date, now: Date, random: Random): Closure | null {
  const at = later(plus(lastSession, random.between(1, 5) * DAY), plus(approvedAt, DAY));
  if (at > plus(now, -HOUR)) return null;
  return { at, outcome: 'completed', reason: null, ...surveyAndT1(at, now, random, 0.85, 0.8) };
}
