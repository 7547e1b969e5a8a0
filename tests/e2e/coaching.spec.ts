import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, type Locator, test } from '@playwright/test';
import { elideFrench } from '../../src/kernel/french-elision.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import type { Answers, Question } from '../../src/modules/diagnostic/domain/questionnaire.ts';
import {
  csrfOf,
  PASSWORD,
  registeredRetailer,
  sessionApi,
  signIn,
  twoFactorText,
} from './support/accounts.ts';
import {
  browserLocale,
  checkPage,
  DESKTOP,
  enrolSecondFactor,
  type Locale,
  newPage,
  PHONE,
  runCliAsync,
  serverFor,
  tabTo,
  waitForMail,
} from './support/browser.ts';
import { montrealDate } from './support/i18n.ts';

/**
 * The coaching journey, in French and in English, each against its own server (the foundation
 * journey's): set up through the CLI and the API (a coordinator, two experts, three accepted businesses,
 * one with its entry diagnostic), then in the browser the coordinator proposes the matching, reads each
 * pair's reasons, leaves one pair out and confirms the others, and sees the experts' load; the expert
 * finds the business in their files, schedules a session (its .ics invitation checked, the hour skipped
 * in spring refused), completes and approves the suggested action plan; the retailer, on a phone, sees
 * their expert, the session and the plan, and marks an action done; the expert closes the file; the
 * retailer answers the outcome survey with the keyboard alone.
 */

const TEXT = {
  fr: {
    signOut: 'Se déconnecter',
    nav: { assignments: 'Jumelage', experts: 'Experts', caseload: 'Mes dossiers' },
    assignmentsTitle: 'Jumelage des entreprises et des experts',
    propose: 'Proposer les jumelages',
    summary: /Entreprises en attente d'une experte ou d'un expert : \d+\. Jumelages proposés : \d+\./,
    // « d'Épicerie… »: French elides « de » before a vowel.
    confirmPair: (business: string) => elideFrench(`Confirmer le jumelage de ${business}`),
    confirmTicked: 'Confirmer les jumelages cochés',
    confirmed: (n: number) => `${n} jumelages confirmés.`,
    emailed: 'Chaque entreprise et chaque experte ou expert concernés ont reçu un courriel.',
    reasons: {
      sameRegion: (region: string) => `même région (${region})`,
      speaks: { fr: 'parle français', en: 'parle anglais' },
      marketingWeakest:
        'spécialité marketing en ligne et médias sociaux = dimension la plus faible (Stratégie de marketing et de vente en ligne)',
    },
    expertsTitle: 'Experts et charge de travail',
    load: (files: number, capacity: number) => `${files} / ${capacity} dossiers`,
    caseloadTitle: 'Mes dossiers',
    noSession: 'Aucune rencontre prévue',
    activeFile: 'Dossier actif',
    schedule: {
      date: 'Date',
      time: 'Heure',
      duration: 'Durée',
      durationLabel: '1 h 30',
      inStore: 'En magasin',
      submit: 'Prévoir la rencontre',
      done: "Rencontre prévue : l'invitation est envoyée par courriel à l'entreprise et à l'experte ou à l'expert.",
      when: (date: string) => `${date} 10 h 30 à 12 h 00`,
      ics: 'Ajouter à mon agenda (fichier .ics)',
      springForward:
        "Cette heure n'existe pas à Montréal : cette nuit-là, l'horloge passe directement de 2 h à 3 h. Choisissez une autre heure.",
    },
    fixErrors: 'Corrigez les champs suivants :',
    plan: {
      prepare: "Préparer le plan d'action",
      title: "Plan d'action",
      suggested: 'Ébauche suggérée, pas encore enregistrée.',
      currentState: 'Situation actuelle',
      goals: 'Objectifs',
      budget: 'Budget ($)',
      budgetValue: '6 500',
      timeline: 'Échéancier',
      timelineValue: 'Décembre 2026 à mai 2027 : boutique en ligne, puis publicité.',
      owner: 'Responsable',
      dueDate: 'Échéance',
      owners: ['Jasmine Roy', 'Mireille Côté'],
      approve: 'Approuver le plan',
      timelineMissing: "Le champ « Échéancier » est à remplir avant l'approbation.",
      approved: 'Plan approuvé et enregistré.',
      approvedBadge: 'Approuvé',
    },
    close: {
      link: 'Fermer le dossier',
      sessionsHeld: 'Rencontres tenues : 0',
      cancelled: 'La rencontre à venir est annulée',
      littleDone: 'Peu a été fait dans ce dossier',
      completed: 'Plan réalisé',
      reason: 'Motif',
      because: 'Les objectifs de la propriétaire sont atteints; elle poursuit seule.',
      submit: 'Confirmer la fermeture',
      closedBadge: /^Fermé le .* \(Plan réalisé\)$/,
    },
    mine: {
      title: 'Mon accompagnement',
      expert: (name: string) => `Votre experte ou votre expert : ${name}`,
      inStore: 'En magasin',
      plan: (done: number, total: number) => `Approuvé — Actions terminées : ${done} sur ${total}`,
      planLink: "Voir mon plan d'action",
      where: "Où en est l'action 1?",
      done: 'Terminée',
      update: 'Mettre à jour',
      progressSaved: "L'avancement est enregistré; votre experte ou votre expert le verra.",
      closed: 'Votre accompagnement est terminé. Merci de votre participation!',
      status: 'Accompagnement terminé (plan réalisé)',
      assigned: (name: string) => `Experte ou expert attribué : ${name}`,
      closedEvent: 'Dossier fermé : plan réalisé',
      withdraw: 'Retirer ma demande',
      survey: "Répondre au sondage de fin d'accompagnement",
      noUpcoming: "Aucune rencontre prévue pour l'instant.",
    },
    survey: {
      title: 'Sondage sur les résultats',
      share: 'Part des ventes en ligne (%)',
      shareValue: '12,5',
      revenueQuestion: "Depuis le début de l'accompagnement, votre chiffre d'affaires a-t-il changé?",
      revenue: 'Hausse de 10 % ou moins',
      jobsCreated: 'Emplois créés',
      jobsKept: 'Emplois maintenus',
      tools: ['Site Web', 'Réseaux sociaux'],
      expertQuestion: 'Votre satisfaction envers votre experte ou votre expert',
      expert: '5 — Excellent',
      programQuestion: 'Votre satisfaction envers le programme',
      program: '4 — Satisfaisant',
      comments: 'Commentaires',
      commentsValue: 'Merci pour le coup de main.',
      submit: 'Envoyer mes réponses',
      thanks: 'Merci!',
      shareShown: '12,5 %',
    },
    assignedSubject: 'Votre experte ou expert en virage numérique',
  },
  en: {
    signOut: 'Sign out',
    nav: { assignments: 'Matching', experts: 'Experts', caseload: 'My files' },
    assignmentsTitle: 'Matching businesses with experts',
    propose: 'Propose a matching',
    summary: /Businesses waiting for an expert: \d+\. Pairs proposed: \d+\./,
    confirmPair: (business: string) => `Confirm the pair for ${business}`,
    confirmTicked: 'Confirm the ticked pairs',
    confirmed: (n: number) => `${n} pairs confirmed.`,
    emailed: 'Each business and each expert concerned has been sent an email.',
    reasons: {
      sameRegion: (region: string) => `same region (${region})`,
      speaks: { fr: 'speaks French', en: 'speaks English' },
      marketingWeakest:
        'online marketing and social media specialty = weakest dimension (Online marketing and sales strategy)',
    },
    expertsTitle: 'Experts and workload',
    load: (files: number, capacity: number) => `${files} / ${capacity} files`,
    caseloadTitle: 'My files',
    noSession: 'No session scheduled',
    activeFile: 'Active file',
    schedule: {
      date: 'Date',
      time: 'Time',
      duration: 'Duration',
      durationLabel: '1 h 30 min',
      inStore: 'In store',
      submit: 'Schedule the session',
      done: 'Session scheduled: the invitation is e-mailed to the business and the expert.',
      when: (date: string) => `${date} 10:30 a.m. to 12:00 p.m.`,
      ics: 'Add to my calendar (.ics file)',
      springForward:
        'This time does not exist in Montréal: that night the clock jumps straight from 2:00 to 3:00 a.m. Choose another time.',
    },
    fixErrors: 'Please correct the following fields:',
    plan: {
      prepare: 'Prepare the action plan',
      title: 'Action plan',
      suggested: 'Suggested draft, not saved yet.',
      currentState: 'Current state',
      goals: 'Goals',
      budget: 'Budget ($)',
      budgetValue: '6,500',
      timeline: 'Timeline',
      timelineValue: 'December 2026 to May 2027: online store, then advertising.',
      owner: 'Owner',
      dueDate: 'Due date',
      owners: ['Peter Hall', 'Daniel Wright'],
      approve: 'Approve the plan',
      timelineMissing: 'The “Timeline” field must be filled in before approval.',
      approved: 'Plan approved and saved.',
      approvedBadge: 'Approved',
    },
    close: {
      link: 'Close the file',
      sessionsHeld: 'Sessions held: 0',
      cancelled: 'The session ahead is cancelled',
      littleDone: 'Little was done in this file',
      completed: 'Plan completed',
      reason: 'Reason',
      because: 'The owner reached her goals and carries on alone.',
      submit: 'Confirm the closure',
      closedBadge: /^Closed on .* \(Plan completed\)$/,
    },
    mine: {
      title: 'My coaching',
      expert: (name: string) => `Your expert: ${name}`,
      inStore: 'In store',
      plan: (done: number, total: number) => `Approved — Actions done: ${done} of ${total}`,
      planLink: 'See my action plan',
      where: 'Where does action 1 stand?',
      done: 'Done',
      update: 'Update',
      progressSaved: 'Progress saved; your expert will see it.',
      closed: 'Your coaching is over. Thank you for taking part!',
      status: 'Coaching completed (plan completed)',
      assigned: (name: string) => `Expert assigned: ${name}`,
      closedEvent: 'File closed: plan completed',
      withdraw: 'Withdraw my application',
      survey: 'Answer the end-of-coaching survey',
      noUpcoming: 'No session scheduled yet.',
    },
    survey: {
      title: 'Outcome survey',
      share: 'Share of sales online (%)',
      shareValue: '12.5',
      revenueQuestion: 'Since the coaching began, has your revenue changed?',
      revenue: 'Up 10% or less',
      jobsCreated: 'Jobs created',
      jobsKept: 'Jobs kept',
      tools: ['Website', 'Social media'],
      expertQuestion: 'Your satisfaction with your expert',
      expert: '5 — Excellent',
      programQuestion: 'Your satisfaction with the program',
      program: '4 — Good',
      comments: 'Comments',
      commentsValue: 'Thanks for the help.',
      submit: 'Send my answers',
      thanks: 'Thank you!',
      shareShown: '12.5%',
    },
    assignedSubject: 'Your digital shift expert',
  },
} as const;

type Business = {
  legalName: string;
  tradeName: string;
  street: string;
  municipality: string;
  region: string;
  regionName: string;
  postalCode: string;
  phone: string;
  naics: string;
  contactName: string;
  goals: string;
};

/** Three businesses: a Montréal florist and a Québec City bookshop, and a third in the journey's city. */
const BUSINESSES = {
  florist: {
    legalName: 'Les Fleurs Jasmin inc.',
    tradeName: 'Fleuriste Jasmin',
    street: '4321, rue Saint-Hubert',
    municipality: 'Montréal',
    region: '06',
    regionName: 'Montréal',
    postalCode: 'H2J 2X1',
    phone: '514 555-0142',
    naics: '459',
    contactName: 'Jasmine Roy',
    goals: 'Vendre nos bouquets en ligne et être trouvés sur Google.',
  },
  bookshop: {
    legalName: 'Old Town Books Ltd.',
    tradeName: 'Old Town Books',
    street: '55, rue Saint-Jean',
    municipality: 'Québec',
    region: '03',
    regionName: 'Capitale-Nationale',
    postalCode: 'G1R 1N6',
    phone: '418 555-0177',
    naics: '459',
    contactName: 'Peter Hall',
    goals: 'Sell used books online and ship across Canada.',
  },
  hardware: {
    legalName: 'Quincaillerie Beaubien inc.',
    tradeName: 'Quincaillerie Beaubien',
    street: '1200, rue Beaubien Est',
    municipality: 'Montréal',
    region: '06',
    regionName: 'Montréal',
    postalCode: 'H2S 1T5',
    phone: '514 555-0199',
    naics: '444',
    contactName: 'Luc Gagné',
    goals: 'Montrer notre inventaire en ligne.',
  },
  gifts: {
    legalName: 'Maple Leaf Gifts Inc.',
    tradeName: 'Maple Leaf Gifts',
    street: '12, rue du Petit-Champlain',
    municipality: 'Québec',
    region: '03',
    regionName: 'Capitale-Nationale',
    postalCode: 'G1K 4H4',
    phone: '418 555-0123',
    naics: '459',
    contactName: 'Emma Clarke',
    goals: 'Take orders online before the summer season.',
  },
} satisfies Record<string, Business>;

type Expert = {
  name: string;
  email: string;
  regions: string[];
  languages: string[];
  specialties: string[];
  capacity: number;
  locale: Locale;
};

type Retailer = { name: string; email: string; locale: Locale; business: Business };

/**
 * Who is who in one language's journey. The business followed in the browser works in the journey's
 * language with the expert who speaks it in its region: a Montréal florist and a French-speaking
 * Montréal expert in French, a Québec City bookshop and a bilingual Québec City expert in English. The
 * other business works in the other language (it goes to the other expert), and a third business, like
 * the first, is the pair the coordinator leaves out.
 */
function cast(locale: Locale) {
  const montreal: Expert = {
    name: 'Mireille Côté',
    email: `mireille.${locale}@example.ca`,
    regions: ['06'],
    languages: ['fr'],
    specialties: ['online_marketing_social', 'web_presence'],
    capacity: 12,
    locale: 'fr',
  };
  const quebec: Expert = {
    name: 'Daniel Wright',
    email: `daniel.${locale}@example.ca`,
    regions: ['03'],
    languages: ['fr', 'en'],
    specialties: ['ecommerce_platforms', 'online_marketing_social', 'omnichannel_pos'],
    capacity: 8,
    locale,
  };
  const florist: Retailer = {
    name: 'Jasmine Roy',
    email: `jasmine.${locale}@example.ca`,
    locale: 'fr',
    business: BUSINESSES.florist,
  };
  const bookshop: Retailer = {
    name: 'Peter Hall',
    email: `peter.${locale}@example.ca`,
    locale: 'en',
    business: BUSINESSES.bookshop,
  };
  return locale === 'fr'
    ? {
        homeExpert: montreal,
        otherExpert: quebec,
        home: florist,
        other: bookshop,
        left: {
          name: 'Luc Gagné',
          email: `luc.${locale}@example.ca`,
          locale: 'fr' as Locale,
          business: BUSINESSES.hardware,
        },
      }
    : {
        homeExpert: quebec,
        otherExpert: montreal,
        home: bookshop,
        other: florist,
        left: {
          name: 'Emma Clarke',
          email: `emma.${locale}@example.ca`,
          locale: 'en' as Locale,
          business: BUSINESSES.gifts,
        },
      };
}

/**
 * Entry diagnostic answers whose weakest dimension is online marketing: the worst answer there (its
 * follow-up questions then hidden), the best everywhere else.
 */
function answersWeakInMarketing(): Answers {
  const best = (q: Question) =>
    q.type === 'multiple'
      ? q.choices.filter((c) => c.score > 0).map((c) => c.id)
      : q.choices.reduce((a, c) => (c.score > a.score ? c : a)).id;
  const worst = (q: Question) =>
    q.type === 'multiple'
      ? q.choices.filter((c) => c.score === 0).map((c) => c.id)
      : q.choices.reduce((a, c) => (c.score < a.score ? c : a)).id;
  return Object.fromEntries(
    DEFAULT_QUESTIONNAIRE.dimensions.flatMap((d) =>
      d.id === 'marketing'
        ? d.questions.filter((q) => !q.condition).map((q) => [q.id, worst(q)])
        : d.questions.map((q) => [q.id, best(q)]),
    ),
  );
}

/** A 10-digit NEQ, different for each business (the check digit only warns). */
const neqOf = (n: number) => `33${String(Math.floor(Math.random() * 1e7) * 10 + n).padStart(8, '0')}`;

/** The row of a business (or an expert) in a table: its header links to it by name. */
const rowOf = (table: Locator, name: string) =>
  table
    .locator('tbody tr')
    .filter({ has: table.page().getByRole('rowheader').getByRole('link', { name, exact: true }) });

// The two languages run side by side (one worker each); the steps of one language run in order.
test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const L = TEXT[locale];
  const people = cast(locale);
  const { homeExpert, otherExpert, home, other, left } = people;
  const coordinator = { name: 'Hélène Bouchard', email: `helene.${locale}@example.ca` };

  test.describe(`coaching journey (${locale})`, () => {
    test.use({ locale: browserLocale(locale), baseURL: serverFor(locale).url });

    test('assignment proposed and confirmed, session scheduled, plan approved, file closed, survey answered', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const started = Date.now();
      const timings: string[] = [];
      const lap = (label: string) => timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const ids: Record<'home' | 'other' | 'left', string> = { home: '', other: '', left: '' };
      const experts: Record<'home' | 'other', string> = { home: '', other: '' };
      let recommendations = 0;

      // Set-up. The experts' and the coordinator's accounts come from the CLI (staff are invited, not
      // self-registered); meanwhile the retailers register, confirm their address, apply and submit, and
      // the followed one completes the entry diagnostic, weakest in online marketing. Once signed in, the
      // coordinator adds the expert profiles and accepts the applications through the API.
      const retailers = [home, other, left];
      const requests: APIRequestContext[] = [];
      const applying = Promise.all(
        retailers.map(async (r, i) => {
          const { as, request } = await registeredRetailer(locale, r, PASSWORD);
          requests.push(request);
          const programs = await as<{ items: { id: string }[] }>('GET', '/programs');
          const b = r.business;
          const application = await as<{ id: string }>('POST', '/applications', {
            programId: programs.items[0]!.id,
            business: {
              legalName: b.legalName,
              tradeName: b.tradeName,
              neq: neqOf(i),
              street: b.street,
              municipality: b.municipality,
              postalCode: b.postalCode,
              phone: b.phone,
              email: r.email,
              naics: b.naics,
              employees: 6,
              foundedYear: 2012,
              contactName: b.contactName,
              goals: b.goals,
            },
            consents: { participation: true, research: false, surveys: true, publication: false },
            attestation: true,
          });
          await as('POST', `/applications/${application.id}/submit`);
          return { id: application.id, as };
        }),
      );
      applying.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
      const cli = (email: string, role: string, name: string, accountLocale: Locale) =>
        runCliAsync(
          locale,
          ['users', 'create', '--email', email, '--role', role, '--name', name, '--locale', accountLocale],
          `${PASSWORD}\n`,
        );
      await test.step('set-up: staff accounts by the CLI', async () => {
        await Promise.all([
          cli(coordinator.email, 'coordinator', coordinator.name, locale),
          ...[homeExpert, otherExpert].map((e) => cli(e.email, 'expert', e.name, e.locale)),
        ]);
        lap('staff accounts');
      });

      // The coordinator -------------------------------------------------------------------------------
      const {
        context: staffContext,
        page: staff,
        problems: staffProblems,
      } = await newPage(browser, locale, { acceptDownloads: true, ...DESKTOP });

      await test.step('the coordinator signs in with a second factor', async () => {
        await staff.goto('/sign-in');
        await checkPage(staff, locale, 'sign-in', { switchLanguage: false });
        await signIn(staff, locale, coordinator.email, PASSWORD);
        await enrolSecondFactor(staff, locale, twoFactorText(locale), 'coordinator', { checkPages: false });
        await expect(staff.getByRole('button', { name: L.signOut })).toBeVisible();
      });

      await test.step('set-up: expert profiles, accepted applications, an entry diagnostic (API)', async () => {
        const asCoordinator = sessionApi(staff.request, await csrfOf(staff), locale);
        for (const [key, e] of [
          ['home', homeExpert],
          ['other', otherExpert],
        ] as const) {
          const created = await asCoordinator<{ id: string }>('POST', '/experts', {
            email: e.email,
            regions: e.regions,
            languages: e.languages,
            specialties: e.specialties,
            capacity: e.capacity,
          });
          experts[key] = created.id;
        }
        const applied = await applying;
        (['home', 'other', 'left'] as const).forEach((key, i) => {
          ids[key] = applied[i]!.id;
        });
        for (const { id } of applied)
          await asCoordinator('POST', `/applications/${id}/decision`, { decision: 'accepted' });

        const asRetailer = applied[0]!.as;
        const diagnostic = await asRetailer<{ id: string }>('POST', '/diagnostics', {
          applicationId: ids.home,
          phase: 'T0',
        });
        await asRetailer('PUT', `/diagnostics/${diagnostic.id}/answers`, {
          answers: answersWeakInMarketing(),
        });
        await asRetailer('POST', `/diagnostics/${diagnostic.id}/complete`);
        const result = await asRetailer<{ recommendations?: unknown[] }>(
          'GET',
          `/diagnostics/${diagnostic.id}`,
        );
        recommendations = result.recommendations?.length ?? 0;
        expect(recommendations, 'the diagnostic recommends something to build the plan from').toBeGreaterThan(
          0,
        );
        lap('set-up');
      });

      await test.step('the coordinator proposes the matching and reads the reasons of each pair', async () => {
        await staff
          .getByRole('navigation')
          .getByRole('link', { name: L.nav.assignments, exact: true })
          .click();
        await expect(staff.getByRole('heading', { level: 1 })).toHaveText(L.assignmentsTitle);
        // The language switch is tried on the proposal, the same page.
        await checkPage(staff, locale, 'assignments', { switchLanguage: false });

        await staff.getByRole('button', { name: L.propose }).click();
        await expect(staff).toHaveURL(/[?&]propose=1/);
        await expect(staff.getByRole('status').filter({ hasText: L.summary })).toBeVisible();
        const proposal = staff.locator('table.proposal');
        const expectPair = async (business: Business, expertId: string, reasons: string[]) => {
          const row = rowOf(proposal, business.tradeName);
          await expect(row, `${business.tradeName} is proposed`).toHaveCount(1);
          await expect(row.getByRole('combobox')).toHaveValue(expertId);
          await expect(row.locator('ul.reasons li')).toHaveText(reasons);
          await expect(row.getByRole('checkbox', { name: L.confirmPair(business.tradeName) })).toBeChecked();
        };
        await expectPair(home.business, experts.home, [
          L.reasons.sameRegion(home.business.regionName),
          L.reasons.speaks[home.locale],
          L.reasons.marketingWeakest,
        ]);
        await expectPair(other.business, experts.other, [
          L.reasons.sameRegion(other.business.regionName),
          L.reasons.speaks[other.locale],
        ]);
        await expectPair(left.business, experts.home, [
          L.reasons.sameRegion(left.business.regionName),
          L.reasons.speaks[left.locale],
        ]);
        await checkPage(staff, locale, 'assignments-proposal');
        lap('proposal');
      });

      await test.step('the coordinator leaves one pair out and confirms the others', async () => {
        const proposal = staff.locator('table.proposal');
        // Businesses of the other journeys on this server (the intake's) are no business of this one.
        const mine = [home, other, left].map((r) => r.business.tradeName);
        for (const header of await proposal.getByRole('rowheader').allTextContents()) {
          if (!mine.includes(header.trim()))
            await proposal.getByRole('checkbox', { name: L.confirmPair(header.trim()) }).uncheck();
        }
        await proposal.getByRole('checkbox', { name: L.confirmPair(left.business.tradeName) }).uncheck();
        await staff.getByRole('button', { name: L.confirmTicked }).first().click();
        await expect(staff.getByText(L.confirmed(2), { exact: true })).toBeVisible();
        await expect(staff.getByText(L.emailed, { exact: true })).toBeVisible();
        // The proposal is computed again: only the pair left out is still waiting, with its expert.
        await expect(rowOf(proposal, home.business.tradeName)).toHaveCount(0);
        await expect(rowOf(proposal, other.business.tradeName)).toHaveCount(0);
        await expect(rowOf(proposal, left.business.tradeName).getByRole('combobox')).toHaveValue(
          experts.home,
        );
        await checkPage(staff, locale, 'assignments-confirmed', { switchLanguage: false });
      });

      await test.step('the experts page shows each expert with one file', async () => {
        await staff.getByRole('navigation').getByRole('link', { name: L.nav.experts, exact: true }).click();
        await expect(staff.getByRole('heading', { level: 1 })).toHaveText(L.expertsTitle);
        const workload = staff.locator('table.workload');
        for (const e of [homeExpert, otherExpert])
          await expect(rowOf(workload, e.name).locator('.load-figures')).toHaveText(L.load(1, e.capacity));
        await checkPage(staff, locale, 'experts');
        lap('coordinator done');
      });
      await staffContext.close();

      // The expert ------------------------------------------------------------------------------------
      const {
        context: expertContext,
        page: expert,
        problems: expertProblems,
      } = await newPage(browser, locale, { acceptDownloads: true, ...DESKTOP });
      const sessionDate = montrealDate(5);
      const fileUrl = `/caseload/${ids.home}`;

      await test.step('the expert finds the business in their files and opens it', async () => {
        await signIn(expert, locale, homeExpert.email, PASSWORD);
        await enrolSecondFactor(expert, locale, twoFactorText(locale), 'expert', { checkPages: false });
        await expert.getByRole('navigation').getByRole('link', { name: L.nav.caseload, exact: true }).click();
        await expect(expert.getByRole('heading', { level: 1 })).toHaveText(L.caseloadTitle);
        const rows = expert.locator('table.coaching-cards tbody tr');
        // Only the business assigned to this expert: not the one left out, not the other expert's.
        await expect(rows).toHaveCount(1);
        await expect(rows.first().getByRole('rowheader')).toHaveText(home.business.tradeName);
        await expect(rows.first()).toContainText(L.noSession);
        await checkPage(expert, locale, 'caseload');
        await rows.first().getByRole('link', { name: home.business.tradeName }).click();
        await expect(expert).toHaveURL(new RegExp(`${fileUrl}$`));
        await expect(expert.getByRole('heading', { level: 1 })).toHaveText(home.business.tradeName);
        await expect(expert.getByText(L.activeFile, { exact: true })).toBeVisible();
        await checkPage(expert, locale, 'file');
      });

      await test.step('the expert schedules an in-store session in Montréal time', async () => {
        const form = expert.locator('section[aria-labelledby="schedule-title"]');
        await form.getByLabel(L.schedule.date, { exact: true }).fill(sessionDate);
        await form.getByLabel(L.schedule.time, { exact: true }).fill('10:30');
        await form
          .getByLabel(L.schedule.duration, { exact: true })
          .selectOption({ label: L.schedule.durationLabel });
        await form.getByLabel(L.schedule.inStore, { exact: true }).check();
        await form.getByRole('button', { name: L.schedule.submit }).click();
        await expect(expert.getByText(L.schedule.done, { exact: true })).toBeVisible();
        const session = expert.locator('ul.coaching-sessions > li').first();
        await expect(session.getByRole('heading', { level: 4 })).toHaveText(L.schedule.when(sessionDate));
        await expect(session).toContainText(
          `${home.business.street}, ${home.business.municipality}, ${home.business.postalCode}`,
        );
        await expect(session.getByRole('link', { name: L.schedule.ics })).toBeVisible();
        await checkPage(expert, locale, 'file-session-scheduled', { switchLanguage: false });
      });

      await test.step('the invitation is an iCalendar request in Montréal time', async () => {
        const link = expert
          .locator('ul.coaching-sessions > li')
          .first()
          .getByRole('link', { name: L.schedule.ics });
        const [download] = await Promise.all([expert.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toMatch(/\.ics$/);
        const ics = await readFile((await download.path())!, 'utf8');
        const response = await expert.request.get((await link.getAttribute('href'))!);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toMatch(/^text\/calendar\b/);
        expect(await response.text()).toBe(ics);
        // Lines longer than 75 octets are folded: unfold before reading.
        const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
        expect(lines).toContain('METHOD:REQUEST');
        expect(lines).toContain('TZID:America/Montreal');
        const local = sessionDate.replace(/-/g, '');
        expect(lines).toContain(`DTSTART;TZID=America/Montreal:${local}T103000`);
        expect(lines).toContain(`DTEND;TZID=America/Montreal:${local}T120000`);
      });

      await test.step('the hour skipped in spring is refused on the time field', async () => {
        const form = expert.locator('section[aria-labelledby="schedule-title"]');
        await form.getByLabel(L.schedule.date, { exact: true }).fill('2027-03-14');
        const time = form.getByLabel(L.schedule.time, { exact: true });
        await time.fill('02:30');
        await form.getByRole('button', { name: L.schedule.submit }).click();
        const summary = expert.getByRole('alert');
        await expect(summary).toContainText(L.fixErrors);
        await expect(summary.getByRole('link')).toHaveText([L.schedule.springForward]);
        await expect(time).toHaveAttribute('aria-invalid', 'true');
        await expect(form.locator('.field-error .error-message')).toContainText(L.schedule.springForward);
        // What was typed stays, for the expert to correct.
        await expect(time).toHaveValue('02:30');
        await expect(form.getByLabel(L.schedule.date, { exact: true })).toHaveValue('2027-03-14');
        // The summary's link leads to the time field.
        await summary.getByRole('link').click();
        await expect(time).toBeFocused();
        await checkPage(expert, locale, 'file-spring-forward-error', { switchLanguage: false });
        await expect(expert.locator('ul.coaching-sessions > li')).toHaveCount(1);
        lap('session');
      });

      await test.step('the expert completes the suggested plan; approval names what is missing', async () => {
        await expert.getByRole('link', { name: L.plan.prepare }).click();
        await expect(expert).toHaveURL(new RegExp(`/applications/${ids.home}/plan$`));
        await expect(expert.getByRole('heading', { level: 1 })).toHaveText(L.plan.title);
        await expect(expert.getByText(L.plan.suggested)).toBeVisible();
        await expect(expert.getByLabel(L.plan.currentState, { exact: true })).not.toHaveValue('');
        await expect(expert.getByLabel(L.plan.goals, { exact: true })).toHaveValue(home.business.goals);
        const actions = expert.locator('fieldset.plan-action');
        await expect(actions).toHaveCount(recommendations);
        await checkPage(expert, locale, 'plan-suggested');

        // Everything but the timeline: owners and due dates (the costs come from the recommendations).
        await expert.getByLabel(L.plan.budget, { exact: true }).fill(L.plan.budgetValue);
        for (let i = 0; i < recommendations; i++) {
          const action = actions.nth(i);
          await action.getByLabel(L.plan.owner, { exact: true }).fill(L.plan.owners[i % 2]!);
          await action.getByLabel(L.plan.dueDate, { exact: true }).fill(montrealDate(30 + 15 * i));
        }
        await expert.getByRole('button', { name: L.plan.approve }).first().click();
        const summary = expert.getByRole('alert');
        await expect(summary).toContainText(L.fixErrors);
        await expect(summary.getByRole('link')).toHaveText([L.plan.timelineMissing]);
        const timeline = expert.getByLabel(L.plan.timeline, { exact: true });
        await expect(timeline).toHaveAttribute('aria-invalid', 'true');
        // What was typed is kept.
        await expect(actions.first().getByLabel(L.plan.owner, { exact: true })).toHaveValue(L.plan.owners[0]);
        await checkPage(expert, locale, 'plan-missing-timeline', { switchLanguage: false });

        await timeline.fill(L.plan.timelineValue);
        await expert.getByRole('button', { name: L.plan.approve }).first().click();
        await expect(expert.getByText(L.plan.approved, { exact: true })).toBeVisible();
        await expect(expert.locator('.coaching-badge').first()).toHaveText(L.plan.approvedBadge);
        await expect(expert.getByText(L.plan.suggested)).toHaveCount(0);
        await checkPage(expert, locale, 'plan-approved', { switchLanguage: false });
        lap('plan');
      });

      // The retailer, on a phone ----------------------------------------------------------------------
      const {
        context: retailerContext,
        page: retailer,
        problems: retailerProblems,
      } = await newPage(browser, locale, { acceptDownloads: true, ...PHONE });
      const statusUrl = `/applications/${ids.home}`;
      const noSideScrolling = async (label: string) => {
        const widths = await retailer.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect.soft(widths.scroll, `${label} scrolls sideways at 390 px`).toBeLessThanOrEqual(widths.client);
      };

      await test.step('the retailer sees their expert, the session and the plan on their phone', async () => {
        await retailer.goto('/sign-in');
        await checkPage(retailer, locale, 'sign-in-phone', { switchLanguage: false });
        await signIn(retailer, locale, home.email, PASSWORD);
        await expect(retailer).not.toHaveURL(/\/sign-in/);
        await retailer.goto(statusUrl);
        const mine = retailer.locator('section[aria-labelledby="coaching-title"]');
        await expect(mine.getByRole('heading', { level: 2 })).toHaveText(L.mine.title);
        await expect(mine).toContainText(L.mine.expert(homeExpert.name));
        const session = mine.locator('ul.coaching-sessions > li').first();
        await expect(session).toContainText(L.schedule.when(sessionDate));
        await expect(session).toContainText(L.mine.inStore);
        await expect(session).toContainText(home.business.street);
        await expect(mine).toContainText(L.mine.plan(0, recommendations));
        await checkPage(retailer, locale, 'retailer-my-coaching');
        await noSideScrolling('the status page');
      });

      await test.step('the retailer opens the plan and marks the first action done', async () => {
        await retailer.getByRole('link', { name: L.mine.planLink }).click();
        await expect(retailer).toHaveURL(new RegExp(`${statusUrl}/plan$`));
        await expect(retailer.getByRole('heading', { level: 1 })).toHaveText(L.plan.title);
        await checkPage(retailer, locale, 'retailer-plan');
        await noSideScrolling('the plan');
        const first = retailer.locator('ol.plan-view-actions > li').first();
        await first.getByLabel(L.mine.where, { exact: true }).selectOption({ label: L.mine.done });
        await first.getByRole('button', { name: new RegExp(`^${L.mine.update}`) }).click();
        await expect(retailer.getByText(L.mine.progressSaved, { exact: true })).toBeVisible();
        await expect(first.locator('.coaching-badge').first()).toHaveText(L.mine.done);
        await checkPage(retailer, locale, 'retailer-plan-progress', { switchLanguage: false });
        await retailer.goto(statusUrl);
        await expect(retailer.locator('section[aria-labelledby="coaching-title"]')).toContainText(
          L.mine.plan(1, recommendations),
        );
        lap('retailer');
      });

      await test.step('the expert closes the file as completed, after its summary, giving the reason asked for', async () => {
        await expert.goto(fileUrl);
        await expert.getByRole('link', { name: L.close.link, exact: true }).click();
        await expect(expert).toHaveURL(new RegExp(`/applications/${ids.home}/close$`));
        // Where the file stands and what closing cancels, before anything is done.
        await expect(expert.getByText(L.close.sessionsHeld, { exact: true })).toBeVisible();
        await expect(expert.getByText(L.close.cancelled)).toBeVisible();
        await expect(expert.getByText(L.close.littleDone)).toBeVisible();
        await checkPage(expert, locale, 'file-close');
        await expert.getByLabel(L.close.completed, { exact: true }).check();
        const reason = expert.getByLabel(L.close.reason, { exact: true });
        await expect(reason).toHaveAttribute('required', '');
        await reason.fill(L.close.because);
        await expert.getByRole('button', { name: L.close.submit }).click();
        await expect(expert).toHaveURL(new RegExp(`${fileUrl}$`));
        await expect(expert.locator('.coaching-badge').first()).toHaveText(L.close.closedBadge);
        await expect(expert.getByText(L.activeFile, { exact: true })).toHaveCount(0);
        await checkPage(expert, locale, 'file-closed', { switchLanguage: false });
      });
      await expertContext.close();

      await test.step('the retailer answers the outcome survey with the keyboard alone', async () => {
        await retailer.reload();
        const mine = retailer.locator('section[aria-labelledby="coaching-title"]');
        await expect(mine).toContainText(L.mine.closed);
        // Closing cancelled the session ahead.
        await expect(mine).toContainText(L.mine.noUpcoming);
        // The status and the history follow the whole file; nothing is left to withdraw.
        await expect(retailer.locator('.status-badge')).toHaveText(L.mine.status);
        const history = retailer.locator('section[aria-labelledby="history-title"]');
        await expect(history).toContainText(L.mine.assigned(homeExpert.name));
        await expect(history).toContainText(L.mine.closedEvent);
        await expect(retailer.getByRole('button', { name: L.mine.withdraw })).toHaveCount(0);
        await checkPage(retailer, locale, 'retailer-closed', { switchLanguage: false });
        await mine.getByRole('link', { name: L.mine.survey }).click();
        await expect(retailer.getByRole('heading', { level: 1 })).toHaveText(L.survey.title);
        await checkPage(retailer, locale, 'survey');
        await noSideScrolling('the survey');

        // From here on, only Tab, Space, Enter (and arrows inside a group of radio buttons) and typing.
        const S = L.survey;
        const keyboard = retailer.keyboard;
        const share = retailer.getByLabel(S.share, { exact: true });
        await tabTo(retailer, share);
        await keyboard.type(S.shareValue);
        const group = (name: string) => retailer.getByRole('group', { name, exact: true });
        const revenue = group(S.revenueQuestion);
        await keyboard.press('Tab');
        await expect(revenue.getByRole('radio').first()).toBeFocused();
        await keyboard.press('Space');
        await expect(revenue.getByRole('radio').first()).toBeChecked();
        for (let i = 0; i < 3; i++) await keyboard.press('ArrowDown');
        await expect(revenue.getByLabel(S.revenue, { exact: true })).toBeChecked();
        await keyboard.press('Tab');
        await expect(retailer.getByLabel(S.jobsCreated, { exact: true })).toBeFocused();
        await keyboard.type('1');
        await keyboard.press('Tab');
        await expect(retailer.getByLabel(S.jobsKept, { exact: true })).toBeFocused();
        await keyboard.type('4');
        for (const tool of S.tools) {
          const box = retailer.getByRole('checkbox', { name: tool, exact: true });
          await tabTo(retailer, box);
          await keyboard.press('Space');
          await expect(box).toBeChecked();
        }
        // A rating: into its group on the first button, Space, then down to the rating.
        for (const [question, answer, downs] of [
          [S.expertQuestion, S.expert, 4],
          [S.programQuestion, S.program, 3],
        ] as const) {
          const radios = group(question).getByRole('radio');
          await tabTo(retailer, radios.first());
          await keyboard.press('Space');
          for (let i = 0; i < downs; i++) await keyboard.press('ArrowDown');
          await expect(group(question).getByLabel(answer, { exact: true })).toBeChecked();
        }
        await keyboard.press('Tab');
        await expect(retailer.getByLabel(new RegExp(`^${S.comments}`))).toBeFocused();
        await keyboard.type(S.commentsValue);
        const submit = retailer.getByRole('button', { name: S.submit });
        await tabTo(retailer, submit, 3);
        await keyboard.press('Enter');

        await expect(retailer.getByText(S.thanks, { exact: true })).toBeVisible();
        await expect(retailer.locator('dl.facts')).toContainText(S.shareShown);
        await expect(retailer.locator('dl.facts')).toContainText(S.revenue);
        await expect(retailer.getByRole('button', { name: S.submit })).toHaveCount(0);
        await checkPage(retailer, locale, 'survey-thanks', { switchLanguage: false });
        await noSideScrolling('the survey answered');
        lap('survey');
      });

      await test.step('the business and the expert were told of the assignment by e-mail', async () => {
        const mail = await waitForMail(home.email, { subject: L.assignedSubject });
        expect(mail.contentLanguage).toBe(locale);
        expect(mail.text).toContain(homeExpert.name);
      });
      await retailerContext.close();
      await Promise.all(requests.map((r) => r.dispose()));

      process.stdout.write(`coaching (${locale}): ${timings.join(' · ')}\n`);
      expect.soft(staffProblems, 'script or console errors (coordinator)').toEqual([]);
      expect.soft(expertProblems, 'script or console errors (expert)').toEqual([]);
      expect.soft(retailerProblems, 'script or console errors (retailer)').toEqual([]);
    });
  });
}
