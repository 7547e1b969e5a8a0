import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { PASSWORD } from './support/accounts.ts';
import { checkPage, type Locale, serverFor, watchConsole } from './support/browser.ts';
import {
  type Answers,
  type ApiQuestion,
  type ApiQuestionnaire,
  acceptedApplication,
  accountWithToken,
  answerAt,
  answerByPointer,
  api,
  type BusinessFacts,
  choiceOf,
  completedPeers,
  expectAnswered,
  questionGroup,
  shown,
  tabUntil,
} from './support/diagnostic.ts';
import { ROOT } from './support/virage-server.ts';

/**
 * The diagnostic journey, in French and in English, each against its own server (the foundation
 * journey's). Set up through the CLI and the API: a coordinator, an accepted retailer, and ten accepted
 * businesses of the same subsector and size band with their entry diagnostic completed (the peers of
 * the benchmark). Then the retailer, on a phone: starts the diagnostic from the status page, answers the
 * first parts (a better answer opens a question on the same page), stops half-way through a part with
 * "save and finish later" and signs out; signs back in another day, resumes on that part with the
 * answers given still ticked, answers one part with the keyboard alone, skips a required question,
 * is told at the end which one and led to it, answers it and completes. The results: level, scores per
 * dimension, radar chart and its table, peer benchmark with the group named, strengths and gaps,
 * recommendations with their cost in the language's format; the PDF report, its metadata, fonts, text
 * and pages as images.
 */

const PEERS = 10;
const NAICS = '445';

const TEXT = {
  fr: {
    browserLocale: 'fr-CA',
    signIn: { title: 'Connexion', email: 'Courriel', password: 'Mot de passe', submit: 'Se connecter' },
    signOut: 'Se déconnecter',
    myApplication: 'Ma demande',
    accepted: 'Acceptée',
    status: {
      start: 'Commencer mon diagnostic',
      resume: 'Reprendre mon diagnostic',
      results: 'Voir les résultats de mon diagnostic',
    },
    listTitle: 'Mon diagnostic',
    start: 'Commencer mon diagnostic',
    takeTitle: 'Diagnostic de maturité numérique (T0)',
    part: (n: number, total: number) => `partie ${n} sur ${total}`,
    // French puts 0 and 1 in the singular.
    progress: (answered: number, total: number) =>
      `${answered} ${answered <= 1 ? 'réponse' : 'réponses'} sur ${total} questions`,
    parts: 'Parties du diagnostic',
    next: 'Enregistrer et continuer',
    finish: 'Terminer et voir mes résultats',
    later: 'Enregistrer et finir plus tard',
    revealed: 'Selon vos réponses, de nouvelles questions se sont ajoutées à cette page.',
    fixErrors: 'Corrigez les champs suivants :',
    missing: (question: string) => `La question « ${question} » attend une réponse.`,
    resultsTitle: 'Résultats du diagnostic (T0)',
    download: 'Télécharger le rapport (PDF)',
    overallTitle: 'Résultat global',
    scoresTitle: 'Scores par dimension et comparaison avec des entreprises semblables',
    chartAlt: 'Graphique radar des scores par dimension :',
    benchmark: (n: number) =>
      `Comparaison avec ${n} entreprises du même secteur (SCIAN ${NAICS}) et de même taille (10-19 employés).`,
    percentile: /^(1er|\d{1,3}e) centile$/,
    strengths: 'Vos forces',
    gaps: 'À améliorer en priorité',
    outOf100: (dimension: string, score: string) => `${dimension} : ${score} sur 100`,
    recommendations: 'Recommandations',
    cost: 'Coût typique :',
    free: 'Gratuit',
    // `1 234,56 $`: a no-break space (or a narrow one) between thousands and before the sign.
    money: /^\d{1,3}([\u00a0\u202f]\d{3})*(,\d{2})?\u00a0\$$/,
    pdfTitle: (name: string) => `Diagnostic de maturité numérique — ${name}`,
    pdfLang: 'fr-CA',
    pdfOverall: (score: string, level: string) => `Score global : ${score} sur 100 — niveau « ${level} ».`,
  },
  en: {
    browserLocale: 'en-CA',
    signIn: { title: 'Sign in', email: 'E-mail', password: 'Password', submit: 'Sign in' },
    signOut: 'Sign out',
    myApplication: 'My application',
    accepted: 'Accepted',
    status: {
      start: 'Start my diagnostic',
      resume: 'Resume my diagnostic',
      results: 'See my diagnostic results',
    },
    listTitle: 'My diagnostic',
    start: 'Start my diagnostic',
    takeTitle: 'Digital-maturity diagnostic (T0)',
    part: (n: number, total: number) => `part ${n} of ${total}`,
    progress: (answered: number, total: number) =>
      `${answered} ${answered === 1 ? 'answer' : 'answers'} out of ${total} questions`,
    parts: 'Parts of the diagnostic',
    next: 'Save and continue',
    finish: 'Finish and see my results',
    later: 'Save and finish later',
    revealed: 'From your answers, new questions were added to this page.',
    fixErrors: 'Please correct the following fields:',
    missing: (question: string) => `Question “${question}” needs an answer.`,
    resultsTitle: 'Diagnostic results (T0)',
    download: 'Download the report (PDF)',
    overallTitle: 'Overall result',
    scoresTitle: 'Scores by dimension and comparison with similar businesses',
    chartAlt: 'Radar chart of the scores by dimension:',
    benchmark: (n: number) =>
      `Compared with ${n} businesses of the same industry (NAICS ${NAICS}) and size (10-19 employees).`,
    percentile: /^\d{1,3}(st|nd|rd|th) percentile$/,
    strengths: 'Your strengths',
    gaps: 'To improve first',
    outOf100: (dimension: string, score: string) => `${dimension}: ${score} out of 100`,
    recommendations: 'Recommendations',
    cost: 'Typical cost:',
    free: 'Free',
    // `$1,234.56`.
    money: /^\$\d{1,3}(,\d{3})*(\.\d{2})?$/,
    pdfTitle: (name: string) => `Digital-maturity diagnostic — ${name}`,
    pdfLang: 'en-CA',
    pdfOverall: (score: string, level: string) => `Overall score: ${score} out of 100 — level “${level}”.`,
  },
} as const;

/** How good the retailer's answers are, dimension by dimension (0 = worst … 1 = best). */
const PICKS: Record<string, number> = {
  strategy: 0.67,
  presence: 0.5,
  ecommerce: 0.25,
  marketing: 0.33,
  omnichannel: 0.67,
  data: 0.5,
  operations: 1,
  security: 0.75,
  skills: 0.33,
};
/** The part answered with the keyboard alone (it has a multiple-choice question). */
const KEYBOARD_PART = 'data';
/** The required question the retailer skips, to be told about it when finishing. */
const SKIPPED = 'omnichannel_customer_view';

async function phoneContext(browser: Browser, locale: Locale): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: serverFor(locale).url,
    locale: TEXT[locale].browserLocale,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
}

/** The page does not scroll sideways on the phone. */
async function expectNoSideScrolling(page: Page, label: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect.soft(widths.scroll, `${label} scrolls sideways at 390 px`).toBeLessThanOrEqual(widths.client);
}

const moneyOf = (cents: number, locale: Locale, withCents = cents % 100 !== 0) =>
  new Intl.NumberFormat(TEXT[locale].browserLocale, {
    style: 'currency',
    currency: 'CAD',
    maximumFractionDigits: withCents ? 2 : 0,
  }).format(cents / 100);
/**
 * A recommendation's typical cost as the pages and the PDF write it: free, one amount, or a range;
 * whole dollars unless one end has cents.
 */
const costOf = (r: { costMin: number; costMax: number }, locale: Locale) => {
  const withCents = r.costMin % 100 !== 0 || r.costMax % 100 !== 0;
  return r.costMax === 0
    ? TEXT[locale].free
    : r.costMin === r.costMax
      ? moneyOf(r.costMin, locale, withCents)
      : `${moneyOf(r.costMin, locale, withCents)} – ${moneyOf(r.costMax, locale, withCents)}`;
};
const scoreOf = (n: number, locale: Locale) =>
  new Intl.NumberFormat(TEXT[locale].browserLocale, { maximumFractionDigits: 1 }).format(n);

// The two languages run side by side (one worker each); the steps of one language run in order.
test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const L = TEXT[locale];
  const retailer = {
    name: locale === 'fr' ? 'Léa Tremblay' : 'Leah Morgan',
    email: `lea.${locale}@example.ca`,
    role: 'retailer',
    locale,
  };
  const coordinator = {
    name: 'Antoine Nadeau',
    email: `antoine.${locale}@example.ca`,
    role: 'coordinator',
    locale,
  };
  const peersOwner = {
    name: 'Rémi Caron',
    email: `remi.${locale}@example.ca`,
    role: 'retailer',
    locale,
  };
  const business: BusinessFacts = {
    legalName: locale === 'fr' ? 'Épicerie fine Léa inc.' : 'Harbour Fine Foods Inc.',
    tradeName: locale === 'fr' ? 'Épicerie Léa' : 'Harbour Fine Foods',
    municipality: 'Montréal',
    street: '2150, avenue du Mont-Royal Est',
    postalCode: 'H2H 1J9',
    phone: '514 555-0187',
    email: `epicerie.${locale}@example.ca`,
    naics: NAICS,
    employees: 12,
    contactName: retailer.name,
  };
  const peer = (i: number): BusinessFacts => ({
    legalName: `Marché d'alimentation ${i + 1} inc.`,
    tradeName: `Marché ${i + 1}`,
    municipality: i % 2 ? 'Québec' : 'Laval',
    street: `${100 + i}, rue Principale`,
    postalCode: i % 2 ? 'G1R 1N6' : 'H7N 1A1',
    phone: '450 555-0100',
    email: `marche${i + 1}.${locale}@example.ca`,
    naics: NAICS,
    employees: 10 + i,
    contactName: peersOwner.name,
  });

  test.describe(`diagnostic journey (${locale})`, () => {
    test.use({ locale: L.browserLocale, baseURL: serverFor(locale).url });

    test('T0 on a phone in two sittings, one part by keyboard, results, benchmark and PDF report', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const started = Date.now();
      const timings: string[] = [];
      const lap = (label: string) => timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      let applicationId = '';
      let retailerToken = '';
      let questionnaire = { dimensions: [] } as unknown as ApiQuestionnaire;
      /** The diagnostic once completed, as the API gives it: what the results page and report show. */
      type Result = {
        status: string;
        answers: Record<string, string | string[]>;
        scores: { overall: number; dimensions: Record<string, number> };
        level: { label: string; description: string };
        benchmark: { group: string; size: number; percentiles: { overall: number } } | null;
        recommendations: { title: string; costMin: number; costMax: number }[];
      };
      let d = {} as Result;
      const problems: string[] = [];

      await test.step('set-up: accounts by the CLI, an accepted application and ten peers by the API', async () => {
        const [staff, mine, owner] = await Promise.all(
          [coordinator, retailer, peersOwner].map((p) => accountWithToken(locale, p, PASSWORD)),
        );
        retailerToken = mine!;
        lap('accounts and tokens');
        const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', staff!);
        const programId = programs.items[0]!.id;
        questionnaire = await api<ApiQuestionnaire>(
          locale,
          'GET',
          `/questionnaires/current?programId=${programId}`,
          retailerToken,
        );
        expect(questionnaire.dimensions.map((d) => d.id)).toEqual(Object.keys(PICKS));
        [applicationId] = await Promise.all([
          acceptedApplication(locale, programId, retailerToken, staff!, business),
          completedPeers(locale, {
            programId,
            ownerToken: owner!,
            staffToken: staff!,
            questionnaire,
            business: peer,
            count: PEERS,
          }),
        ]);
        lap('set-up');
      });

      const dimensions = questionnaire.dimensions;
      const total = dimensions.length;
      const partOf = (id: string) => dimensions.findIndex((d) => d.id === id) + 1;
      const question = (id: string) => dimensions.flatMap((d) => d.questions).find((q) => q.id === id)!;
      // What the retailer answers: every question shown, at the pick of its dimension.
      const planned: Answers = {};
      for (const d of dimensions)
        for (const q of d.questions) if (shown(q, planned)) planned[q.id] = answerAt(q, PICKS[d.id]!);
      const shownOn = (part: number, answers: Answers) =>
        dimensions[part - 1]!.questions.filter((q) => shown(q, answers));
      const given: Answers = {};
      const answer = async (page: Page, q: ApiQuestion) => {
        await answerByPointer(page, q, planned[q.id]!);
        given[q.id] = planned[q.id]!;
      };
      /** The questions shown so far (those whose condition is met by what is saved). */
      const visibleCount = () => dimensions.flatMap((d) => d.questions).filter((q) => shown(q, given)).length;
      const expectPart = async (page: Page, part: number) => {
        await expect(page).toHaveURL(/\/diagnostics\/[\w-]+(\?part=\d+.*)?$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.takeTitle);
        await expect(
          page.getByRole('heading', { level: 2, name: dimensions[part - 1]!.label }),
        ).toBeVisible();
        await expect(page.getByText(L.part(part, total), { exact: false })).toBeVisible();
        await expect(
          page.getByRole('navigation', { name: L.parts }).locator('li[aria-current="step"]'),
        ).toHaveText(dimensions[part - 1]!.label);
      };
      const next = (page: Page) => page.getByRole('button', { name: L.next, exact: true }).click();
      /**
       * Answers, by pointer, the questions of a part that are shown and not answered yet (but `skip`);
       * returns those these answers open (the server shows them on the same page before moving on).
       */
      const fillPart = async (page: Page, part: number, skip: string[] = []) => {
        const before = shownOn(part, given);
        for (const q of before) if (!given[q.id] && !skip.includes(q.id)) await answer(page, q);
        return shownOn(part, given).filter((q) => !before.includes(q));
      };
      /**
       * Answers a part and moves on: when the answers open questions, the same part comes back with a
       * notice, what was ticked still ticked, and the new questions to answer.
       */
      const answerPart = async (page: Page, part: number, skip: string[] = []) => {
        const opened = await fillPart(page, part, skip);
        await next(page);
        if (opened.length > 0) {
          await expectPart(page, part);
          await expect(page).toHaveURL(/[?&]revealed=1/);
          await expect(page.getByText(L.revealed, { exact: true })).toBeVisible();
          for (const q of shownOn(part, given))
            if (!opened.includes(q)) await expectAnswered(page, q, given[q.id] ?? []);
          await checkPage(page, locale, `part-${part}-revealed`, { switchLanguage: false });
          await fillPart(page, part, skip);
          await next(page);
        }
        await expectPart(page, part + 1);
      };

      // First sitting --------------------------------------------------------------------------------
      const first = await phoneContext(browser, locale);
      let page = await first.newPage();
      const watched = watchConsole(page);
      const statusUrl = `/applications/${applicationId}`;

      await test.step('the retailer signs in on their phone and goes to their application', async () => {
        await page.goto('/sign-in');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.signIn.title);
        await checkPage(page, locale, 'sign-in', { switchLanguage: false });
        await page.getByLabel(L.signIn.email, { exact: true }).fill(retailer.email);
        await page.getByLabel(L.signIn.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: L.signIn.submit, exact: true }).click();
        await expect(page).toHaveURL(/\/$/);
        await checkPage(page, locale, 'home-retailer', { switchLanguage: false });
        // Their application is accepted: « Ma demande » leads straight to where it stands.
        await page.getByRole('main').getByRole('link', { name: L.myApplication, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${statusUrl}$`));
        await expect(page.locator('.status-badge')).toHaveText(L.accepted);
        await checkPage(page, locale, 'status-accepted');
        await expectNoSideScrolling(page, 'the status page');
      });

      await test.step('"Start my diagnostic" leads to the diagnostic, which starts on part 1', async () => {
        await page.getByRole('link', { name: L.status.start, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${statusUrl}/diagnostics$`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.listTitle);
        await checkPage(page, locale, 'diagnostics-list', { switchLanguage: false });
        await page.getByRole('button', { name: L.start, exact: true }).click();
        await expectPart(page, 1);
        await expect(page.getByText(L.progress(0, visibleCount()), { exact: true })).toBeVisible();
        await checkPage(page, locale, 'part-1');
        await expectNoSideScrolling(page, 'part 1');
      });

      await test.step('part 1 answered; in part 2 a better answer opens a question on the same page', async () => {
        await answerPart(page, 1);
        await expect(page.getByText(L.progress(3, visibleCount()), { exact: true })).toBeVisible();
        await checkPage(page, locale, 'part-2', { switchLanguage: false });
        const opened = shownOn(2, planned).filter((q) => !shownOn(2, given).includes(q));
        expect(opened.length, 'the answers chosen open a question in part 2').toBeGreaterThan(0);
        for (const q of opened) await expect(questionGroup(page, q)).toHaveCount(0);
        // The question opened is a multiple-choice one ("tick all that apply").
        expect(opened.map((q) => q.type)).toContain('multiple');
        await answerPart(page, 2);
      });

      const part3 = shownOn(3, planned);
      const firstHalf = part3.slice(0, 2);
      await test.step('part 3 half answered, then "save and finish later"', async () => {
        await checkPage(page, locale, 'part-3', { switchLanguage: false });
        for (const q of firstHalf) await answer(page, q);
        await page.getByRole('button', { name: L.later, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${statusUrl}\\?diagnostic=saved$`));
        await expect(page.getByRole('link', { name: L.status.resume, exact: true })).toBeVisible();
        await checkPage(page, locale, 'status-diagnostic-saved', { switchLanguage: false });
        await page.getByRole('button', { name: L.signOut, exact: true }).click();
        await expect(page.getByRole('button', { name: L.signOut, exact: true })).toHaveCount(0);
        lap('first sitting');
      });
      await first.close();
      problems.push(...watched);

      // Second sitting -------------------------------------------------------------------------------
      const second = await phoneContext(browser, locale);
      page = await second.newPage();
      const watchedAgain = watchConsole(page);

      await test.step('another day: signed in again, the diagnostic resumes where it was left', async () => {
        await page.goto('/sign-in');
        await page.getByLabel(L.signIn.email, { exact: true }).fill(retailer.email);
        await page.getByLabel(L.signIn.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: L.signIn.submit, exact: true }).click();
        await expect(page).toHaveURL(/\/$/);
        await page.getByRole('main').getByRole('link', { name: L.myApplication, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${statusUrl}$`));
        await page.getByRole('link', { name: L.status.resume, exact: true }).click();
        await expectPart(page, 3);
        // The answers of the first sitting are there, on this part and before.
        for (const q of firstHalf) await expectAnswered(page, q, given[q.id]!);
        for (const q of part3.slice(2)) await expectAnswered(page, q, []);
        await expect(
          page.getByText(L.progress(Object.keys(given).length, visibleCount()), { exact: true }),
        ).toBeVisible();
        await checkPage(page, locale, 'part-3-resumed');
        await page
          .getByRole('navigation', { name: L.parts })
          .getByRole('link', { name: dimensions[1]!.label })
          .click();
        await expectPart(page, 2);
        for (const q of shownOn(2, given)) await expectAnswered(page, q, given[q.id]!);
        await page.goBack();
        await expectPart(page, 3);
      });

      await test.step('parts 3 to 5 answered, one required question of part 5 left out', async () => {
        await answerPart(page, 3);
        await checkPage(page, locale, 'part-4', { switchLanguage: false });
        await answerPart(page, 4);
        await checkPage(page, locale, 'part-5', { switchLanguage: false });
        expect(shownOn(5, given).map((q) => q.id)).toContain(SKIPPED);
        await answerPart(page, 5, [SKIPPED]);
        expect(partOf(KEYBOARD_PART)).toBe(6);
        lap('parts 1 to 5');
      });

      await test.step(`part ${partOf(KEYBOARD_PART)} with the keyboard alone: Tab, Space, arrows, Enter`, async () => {
        await checkPage(page, locale, 'part-keyboard', { switchLanguage: false });
        const part = partOf(KEYBOARD_PART);
        const questions = shownOn(part, planned);
        expect(
          questions.some((q) => q.type === 'multiple'),
          'a multiple-choice question',
        ).toBe(true);
        const keyboard = page.keyboard;
        const firstRadio = questionGroup(page, questions[0]!).getByRole('radio').first();
        // Moving on to a new part puts the focus at the start of the main content, as a new page does;
        // from there, Tab goes through the back link and the parts' links to the first question.
        await expect(page.locator('main')).toBeFocused();
        await tabUntil(page, firstRadio, total + 2);
        for (const [i, q] of questions.entries()) {
          const want = planned[q.id]!;
          if (q.type === 'single') {
            const radios = questionGroup(page, q).getByRole('radio');
            // Into the group on its first button (none is chosen yet): Space, then down to the answer.
            if (i > 0) await keyboard.press('Tab');
            await expect(radios.first()).toBeFocused();
            await keyboard.press('Space');
            const index = q.choices.findIndex((c) => c.id === want[0]);
            for (let k = 0; k < index; k++) await keyboard.press('ArrowDown');
            await expect(choiceOf(page, q, want[0]!)).toBeChecked();
          } else {
            // Each box is a stop of its own: Tab to it, Space to tick the chosen ones.
            for (const [k, c] of q.choices.entries()) {
              if (i > 0 || k > 0) await keyboard.press('Tab');
              await expect(choiceOf(page, q, c.id)).toBeFocused();
              if (want.includes(c.id)) await keyboard.press('Space');
            }
          }
          given[q.id] = want;
        }
        for (const q of questions) await expectAnswered(page, q, given[q.id]!);
        await keyboard.press('Tab');
        await expect(page.getByRole('button', { name: L.next, exact: true })).toBeFocused();
        await keyboard.press('Enter');
        await expectPart(page, part + 1);
        lap('keyboard part');
      });

      await test.step('the last parts answered; finishing names the question left out and leads to it', async () => {
        for (let part = partOf(KEYBOARD_PART) + 1; part < total; part++) {
          await checkPage(page, locale, `part-${part}`, { switchLanguage: false });
          await answerPart(page, part);
        }
        await checkPage(page, locale, `part-${total}`, { switchLanguage: false });
        expect(await fillPart(page, total)).toEqual([]);
        await page.getByRole('button', { name: L.finish, exact: true }).click();
        const summary = page.getByRole('alert');
        await expect(summary).toContainText(L.fixErrors);
        const skipped = question(SKIPPED);
        await expect(summary.getByRole('link')).toHaveText([L.missing(skipped.label)]);
        await expect(summary).toBeFocused();
        // What was answered on this page before finishing is kept.
        for (const q of shownOn(total, given)) await expectAnswered(page, q, given[q.id]!);
        await checkPage(page, locale, 'finish-missing-answer', { switchLanguage: false });

        await summary.getByRole('link').click();
        await expectPart(page, partOf('omnichannel'));
        await expect(questionGroup(page, skipped).getByRole('radio').first()).toBeFocused();
        await checkPage(page, locale, 'missing-answer-question', { switchLanguage: false });
        await answer(page, skipped);
        await next(page);
        await page
          .getByRole('navigation', { name: L.parts })
          .getByRole('link', { name: dimensions[total - 1]!.label })
          .click();
        await expectPart(page, total);
        await page.getByRole('button', { name: L.finish, exact: true }).click();
        await expect(page).toHaveURL(/\/diagnostics\/[\w-]+\/results$/);
        lap('completed');
      });

      await test.step('results: level, scores, radar chart and its table, benchmark, strengths and gaps', async () => {
        const diagnosticId = /\/diagnostics\/([\w-]+)\/results$/.exec(page.url())![1]!;
        d = await api<Result>(locale, 'GET', `/diagnostics/${diagnosticId}`, retailerToken);
        expect(d.status).toBe('completed');
        // Exactly what the retailer chose, on every page, by pointer and by keyboard.
        expect(Object.fromEntries(Object.entries(d.answers).map(([q, a]) => [q, [a].flat()]))).toEqual(given);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.resultsTitle);

        const overall = page.locator('section', { has: page.locator('#overall-title') });
        await expect(overall.getByRole('heading', { level: 2 })).toHaveText(L.overallTitle);
        await expect(overall.locator('.score-big')).toHaveText(scoreOf(d.scores.overall, locale));
        await expect(overall).toContainText(d.level.label);
        await expect(overall).toContainText(d.level.description);

        const scores = page.locator('section', { has: page.locator('#chart-title') });
        await expect(scores.getByRole('heading', { level: 2 })).toHaveText(L.scoresTitle);
        const chart = scores.getByRole('img');
        await expect(chart).toHaveCount(1);
        const alt = (await chart.getAttribute('aria-label')) ?? '';
        expect(alt.startsWith(L.chartAlt)).toBe(true);
        for (const x of dimensions) {
          const axis = x.label.split(/[,(]/)[0]!.trim();
          expect(alt, `the chart's text names ${axis}`).toContain(
            `${axis} ${Math.round(d.scores.dimensions[x.id]!)}`,
          );
        }
        // The same figures as a table: one row per dimension, its score and its rank among peers.
        const rows = scores.getByRole('table').locator('tbody tr');
        await expect(rows).toHaveCount(total);
        for (const [i, x] of dimensions.entries()) {
          const row = rows.nth(i);
          await expect(row.getByRole('rowheader')).toHaveText(x.label);
          await expect(row.getByRole('cell').nth(0)).toHaveText(scoreOf(d.scores.dimensions[x.id]!, locale));
          await expect(row.getByRole('cell').nth(1)).toHaveText(L.percentile);
        }
        // The benchmark says which group: the ten peers of the same subsector and size band.
        expect(d.benchmark?.group).toBe('naics_size');
        expect(d.benchmark?.size).toBe(PEERS);
        await expect(scores.getByText(L.benchmark(PEERS), { exact: true })).toBeVisible();

        const lists = page.locator('section', { has: page.locator('#strengths-title') });
        await expect(lists.getByRole('heading', { level: 2 })).toHaveText([L.strengths, L.gaps]);
        const items = lists.locator('ul');
        await expect(items.nth(0).locator('li')).not.toHaveCount(0);
        await expect(items.nth(1).locator('li')).not.toHaveCount(0);
        const operations = dimensions.find((x) => x.id === 'operations')!;
        // All best answers in operations: a strength, at 100.
        await expect(items.nth(0).locator('li').first()).toHaveText(L.outOf100(operations.label, '100'));
        await checkPage(page, locale, 'results');
        await expectNoSideScrolling(page, 'the results');

        // The recommendations, each with its typical cost in the language's format.
        const recos = page.locator('section', { has: page.locator('#recommendations-title') });
        expect(d.recommendations.length).toBeGreaterThan(0);
        const cards = recos.locator('article');
        await expect(cards).toHaveCount(d.recommendations.length);
        for (const [i, r] of d.recommendations.entries()) {
          const card = cards.nth(i);
          await expect(card.getByRole('heading', { level: 3 })).toHaveText(r.title);
          await expect(card.locator('.hint')).toContainText(`${L.cost} ${costOf(r, locale)}`);
          expect(moneyOf(r.costMin, locale)).toMatch(L.money);
          expect(moneyOf(r.costMax, locale)).toMatch(L.money);
        }
        const costs = (await cards.locator('.hint').allTextContents()).join('\n');
        expect(costs, 'a cost over a thousand dollars, with its thousands separator').toMatch(
          locale === 'fr' ? /\d[\u00a0\u202f]\d{3}(,\d{2})?\u00a0\$/ : /\$\d,\d{3}(\.\d{2})?/,
        );
      });

      await test.step('the PDF report: a PDF, with its title and language, fonts embedded, pages looked at', async () => {
        const link = page.getByRole('link', { name: L.download, exact: true });
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toMatch(/^diagnostic-t0-[a-z0-9-]+\.pdf$/);
        const response = await page.request.get((await link.getAttribute('href'))!);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toMatch(/^application\/pdf\b/);
        const pdf = readFileSync((await download.path())!);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

        const dir = path.join(ROOT, 'test-results', 'screenshots', locale);
        mkdirSync(dir, { recursive: true });
        const file = path.join(dir, 'diagnostic-report.pdf');
        writeFileSync(file, pdf);
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(new RegExp(`^Title:\\s+${L.pdfTitle(business.tradeName)}$`, 'm'));
        expect(info).toMatch(/^Tagged:\s+yes$/m);
        // The language of the document, in its catalogue.
        expect(pdf.toString('latin1')).toContain(`/Lang (${L.pdfLang})`);
        // Every font is embedded (the `emb` column of pdffonts).
        const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
          .split('\n')
          .slice(2)
          .filter(Boolean);
        expect(fonts.length).toBeGreaterThan(0);
        for (const line of fonts)
          expect(line, 'font embedded').toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
        // Its text, lines joined (a long title wraps).
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        for (const words of [
          L.pdfTitle(business.tradeName),
          L.pdfOverall(scoreOf(d.scores.overall, locale), d.level.label),
          L.benchmark(PEERS),
          ...d.recommendations.map((r) => `${L.cost} ${costOf(r, locale)}`),
        ])
          expect(text.replace(/\u00a0/g, ' ')).toContain(words.replace(/\u00a0/g, ' '));

        // The pages as images, to be looked at: diagnostic-report-1.png, -2.png…
        for (const old of readdirSync(dir).filter((f) => /^diagnostic-report-\d+\.png$/.test(f)))
          rmSync(path.join(dir, old));
        execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(dir, 'diagnostic-report')]);
        expect(readdirSync(dir).filter((f) => /^diagnostic-report-\d+\.png$/.test(f)).length).toBeGreaterThan(
          0,
        );
        lap('results and PDF');
      });

      await second.close();
      problems.push(...watchedAgain);
      process.stdout.write(`diagnostic (${locale}): ${timings.join(' · ')}\n`);
      expect.soft(problems, 'script or console errors').toEqual([]);
    });
  });
}
