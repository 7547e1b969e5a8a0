import { expect, type Locator, type Page } from '@playwright/test';
import { createUser } from './accounts.ts';
import { type Locale, runCliAsync, serverFor } from './browser.ts';

/**
 * Set-up and helpers of the diagnostic journey (diagnostic.spec.ts): accounts through the CLI, accepted
 * applications and completed diagnostics through the API, the questionnaire as the API gives it, and
 * the answers a journey gives to it.
 */

/** The questionnaire as `GET /api/v1/questionnaires/current` gives it, in one language. */
export type ApiQuestion = {
  id: string;
  label: string;
  help: string | null;
  type: 'single' | 'multiple';
  optional: boolean;
  condition: { questionId: string; choiceIds: string[] } | null;
  choices: { id: string; label: string; score: number }[];
};
export type ApiDimension = { id: string; label: string; description: string; questions: ApiQuestion[] };
export type ApiQuestionnaire = { id: string; version: number; dimensions: ApiDimension[] };
export type Answers = Record<string, string[]>;

/** An account with a password (CLI), and a personal access token for it (CLI). */
export async function accountWithToken(
  locale: Locale,
  person: { email: string; name: string; role: string; locale: Locale },
  password: string,
): Promise<string> {
  await createUser(locale, person, password);
  return (await runCliAsync(locale, ['tokens', 'create', '--email', person.email, '--name', 'e2e'])).trim();
}

/** A JSON request to the API of a language's server with a token; fails unless the status is expected. */
export async function api<T = Record<string, unknown>>(
  locale: Locale,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  expected = [200, 201, 204],
): Promise<T> {
  const response = await fetch(`${serverFor(locale).url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'accept-language': locale,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expected.includes(response.status))
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export type BusinessFacts = {
  legalName: string;
  tradeName: string;
  municipality: string;
  street: string;
  postalCode: string;
  phone: string;
  email: string;
  naics: string;
  employees: number;
  contactName: string;
};

/** A 10-digit NEQ, different for each business (a wrong check digit only warns). */
export const randomNeq = () => `11${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** The optional consents an application gives (participation is always given). */
export type OptionalConsents = {
  research: boolean;
  surveys: boolean;
  publication: boolean;
  newsletter?: boolean;
};

/** An application created and submitted with the retailer's token; no optional consent unless asked. */
export async function submittedApplication(
  locale: Locale,
  programId: string,
  retailerToken: string,
  b: BusinessFacts,
  consents: OptionalConsents = { research: false, surveys: false, publication: false },
): Promise<string> {
  const { id } = await api<{ id: string }>(locale, 'POST', '/applications', retailerToken, {
    programId,
    business: {
      legalName: b.legalName,
      tradeName: b.tradeName,
      neq: randomNeq(),
      street: b.street,
      municipality: b.municipality,
      postalCode: b.postalCode,
      phone: b.phone,
      email: b.email,
      naics: b.naics,
      employees: b.employees,
      foundedYear: 2011,
      contactName: b.contactName,
    },
    consents: { participation: true, ...consents },
    attestation: true,
  });
  await api(locale, 'POST', `/applications/${id}/submit`, retailerToken);
  return id;
}

/** An application created, submitted (retailer's token) and accepted (coordinator's token). */
export async function acceptedApplication(
  locale: Locale,
  programId: string,
  retailerToken: string,
  staffToken: string,
  b: BusinessFacts,
): Promise<string> {
  const id = await submittedApplication(locale, programId, retailerToken, b);
  await api(locale, 'POST', `/applications/${id}/decision`, staffToken, { decision: 'accepted' });
  return id;
}

/** Whether a question shows, given the answers so far (as the server decides it). */
export function shown(q: ApiQuestion, answers: Answers): boolean {
  if (!q.condition) return true;
  return (answers[q.condition.questionId] ?? []).some((c) => q.condition!.choiceIds.includes(c));
}

/**
 * The answer at `pick` (0 = worst … 1 = best) of a question's range: for a single choice, the choice at
 * that place among the choices sorted by score; for several, that share of the choices worth points (in
 * the order shown), or the one worth nothing ("none of these") when the share is none.
 */
export function answerAt(q: ApiQuestion, pick: number): string[] {
  if (q.type === 'multiple') {
    const worth = q.choices.filter((c) => c.score > 0);
    const n = Math.round(pick * worth.length);
    return n > 0
      ? worth.slice(0, n).map((c) => c.id)
      : q.choices.filter((c) => c.score === 0).map((c) => c.id);
  }
  const sorted = [...q.choices].sort((a, b) => a.score - b.score);
  return [sorted[Math.round(pick * (sorted.length - 1))]!.id];
}

/** Answers to every question shown, at `pick` of each range, dimension by dimension (`picks` by id). */
export function answersAt(questionnaire: ApiQuestionnaire, picks: number | Record<string, number>): Answers {
  const answers: Answers = {};
  for (const d of questionnaire.dimensions) {
    const pick = typeof picks === 'number' ? picks : (picks[d.id] ?? 0.5);
    for (const q of d.questions) if (shown(q, answers)) answers[q.id] = answerAt(q, pick);
  }
  return answers;
}

/**
 * `count` peers, accepted and with a completed entry diagnostic, all owned by one retailer account (a
 * retailer may run several shops): from poor answers to good ones, so that the percentiles vary.
 */
export async function completedPeers(
  locale: Locale,
  options: {
    programId: string;
    ownerToken: string;
    staffToken: string;
    questionnaire: ApiQuestionnaire;
    business: (i: number) => BusinessFacts;
    count: number;
  },
): Promise<string[]> {
  const { programId, ownerToken, staffToken, questionnaire, business, count } = options;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const applicationId = await acceptedApplication(locale, programId, ownerToken, staffToken, business(i));
      const { id } = await api<{ id: string }>(locale, 'POST', '/diagnostics', ownerToken, {
        applicationId,
        phase: 'T0',
      });
      const pick = count === 1 ? 0.5 : 0.1 + (0.8 * i) / (count - 1);
      const answers = answersAt(questionnaire, pick);
      await api(locale, 'PUT', `/diagnostics/${id}/answers`, ownerToken, {
        answers: Object.fromEntries(
          Object.entries(answers).map(([q, c]) => {
            const question = questionnaire.dimensions.flatMap((d) => d.questions).find((x) => x.id === q)!;
            return [q, question.type === 'multiple' ? c : c[0]!];
          }),
        ),
      });
      await api(locale, 'POST', `/diagnostics/${id}/complete`, ownerToken);
      return id;
    }),
  );
}

/** A question on the page: its fieldset, named by the question. */
export const questionGroup = (page: Page, q: ApiQuestion): Locator =>
  page.getByRole('group', { name: q.label, exact: true });

/** A choice of a question on the page. */
export const choiceOf = (page: Page, q: ApiQuestion, choiceId: string): Locator =>
  questionGroup(page, q).getByLabel(q.choices.find((c) => c.id === choiceId)!.label, { exact: true });

/** Ticks the answer to a question by pointer (tap or click). */
export async function answerByPointer(page: Page, q: ApiQuestion, answer: string[]) {
  for (const choiceId of answer) await choiceOf(page, q, choiceId).check();
}

/** The answer to a question is ticked on the page, and nothing else. */
export async function expectAnswered(page: Page, q: ApiQuestion, answer: string[]) {
  for (const c of q.choices) {
    const box = choiceOf(page, q, c.id);
    if (answer.includes(c.id)) await expect(box, `${q.id}: ${c.id} is ticked`).toBeChecked();
    else await expect(box, `${q.id}: ${c.id} is not ticked`).not.toBeChecked();
  }
}

/**
 * Presses Tab until `target` has the focus (at most `max` times), as a keyboard user reaching a field;
 * fails, naming what has the focus, when it never gets there. Returns how many presses it took.
 */
export async function tabUntil(page: Page, target: Locator, max = 10): Promise<number> {
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return i;
    if (i < max) await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  await expect(target, `${max} Tab presses did not reach it (the focus is on ${focused})`).toBeFocused({
    timeout: 1,
  });
  return max;
}
