import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { checkPage, enrolSecondFactor, waitForMail, watchConsole } from './support/browser.ts';
import { ROOT, startVirage, type VirageServer } from './support/virage-server.ts';

/**
 * Two programs side by side, in French, on a server of its own (a second program turns the home page
 * into a list, which the other journeys do not expect): the administrator copies the first program
 * into a second one for smaller shops and lowers its employee maximum to 10; a visitor finds both on
 * the home page, and the second program's pre-check judges 12 employees by its criteria while the
 * first program's still accepts them; a retailer applies to the second program, which the
 * administrator finds in that program's queue only and accepts; the second program's places go down,
 * the first's do not.
 */

const PASSWORD = 'une longue phrase de passe 2027';
const admin = { name: 'Marie-Claire Blais', email: 'marie-claire@example.ca' };
const retailer = { name: 'Réjean Ducharme', email: 'rejean.programmes@example.ca' };
const SECOND = { slug: 'petits-commerces', name: 'Virage des petits commerces', target: '25' };
const FIRST_NAME = 'Virage numérique des détaillants';

const L = {
  firstAdminTitle: "Créer le premier compte d'administration",
  fields: { name: 'Nom', email: 'Courriel', newPassword: 'Nouveau mot de passe', password: 'Mot de passe' },
  createAccount: 'Créer mon compte',
  twoFactor: {
    twoFactorTitle: 'Configurer la vérification en deux étapes',
    code: 'Code de vérification',
    turnOn: 'Activer',
    twoFactorDone: 'Vérification en deux étapes activée',
    continue: 'Continuer',
  },
  programs: {
    title: 'Programmes',
    copyFrom: 'Copier le programme (facultatif)',
    nameFr: 'Nom (français)',
    nameEn: 'Nom (anglais)',
    slug: "Identifiant d'adresse",
    target: 'Nombre de détaillants visé',
    create: 'Créer le programme',
    fixErrors: 'Corrigez les champs suivants :',
    slugError: "Le champ « Identifiant d'adresse » ne contient que des lettres minuscules",
    created: `Programme créé : /programs/${SECOND.slug}.`,
  },
  criteria: {
    title: "Critères d'admissibilité",
    smallBusiness: /Critère \d+\s: 50 employés ou moins/,
    labelFr: 'Nom (français)',
    labelEn: 'Nom (anglais)',
    value: 'Valeur 1 (facultatif)',
    publish: 'Publier une nouvelle version',
    published: 'Version 2 publiée.',
  },
  saveRecommendation: 'Enregistrer la recommandation',
  home: { programsTitle: 'Programmes ouverts aux demandes', placesLabel: 'places encore disponibles' },
  check: 'Vérifier mon admissibilité',
  precheck: {
    region: 'Région',
    postalCode: 'Code postal',
    neq: "Numéro d'entreprise du Québec (NEQ)",
    naics: 'Secteur (SCIAN)',
    employees: "Nombre d'employés",
    foundedYear: 'Année de fondation',
    submit: 'Vérifier',
  },
  eligible: 'Selon ces renseignements, votre entreprise semble admissible.',
  notEligible: 'Selon ces renseignements, votre entreprise ne semble pas admissible.',
  smallBusinessFailed: 'Non respecté — 10 employés ou moins',
  apply: 'Déposer une demande',
  verifySubject: 'Confirmez votre adresse courriel pour Virage',
  verifyButton: 'Confirmer mon adresse',
  continueApplication: 'Continuer ma demande',
  signIn: 'Se connecter',
  start: 'Commencer ma demande',
  submit: 'Déposer ma demande',
  submitted: 'Votre demande est déposée. Un accusé de réception vous a été envoyé par courriel.',
  reviewQueue: 'Demandes',
  program: 'Programme',
  search: 'Nom ou NEQ',
  filter: 'Filtrer',
  noneMatch: 'Aucune demande ne correspond.',
  decision: 'Décision',
  accept: 'Accepter',
  record: 'Enregistrer la décision',
  recorded: 'Décision enregistrée : Acceptée.',
  statusAccepted: 'Acceptée',
};

const business = {
  legalName: 'Quincaillerie Ducharme inc.',
  neq: '1145236780',
  street: '88, rue Principale',
  municipality: 'Montréal',
  postalCode: 'H2X 3K4',
  phone: '514 555-0188',
  email: retailer.email,
  naics: '444',
  employees: 8,
  foundedYear: 2010,
  contactName: retailer.name,
};

let server: VirageServer;

test.beforeAll(async () => {
  const root = process.env.E2E_APP_ROOT;
  const smtpPort = Number(process.env.E2E_MAIL_SMTP_PORT);
  if (!root || !smtpPort) throw new Error('E2E_* variables are not set: run through playwright.config.ts');
  server = await startVirage({
    name: 'programs',
    root,
    smtpPort,
    logFile: path.join(ROOT, 'test-results', 'servers', 'virage-programs.log'),
  });
});
test.afterAll(() => server?.stop());

const newContext = (browser: import('@playwright/test').Browser): Promise<BrowserContext> =>
  browser.newContext({ baseURL: server.url, locale: 'fr-CA', viewport: { width: 1280, height: 800 } });

/** The pre-check of the page's program, for a Montréal clothing shop of that many employees. */
async function precheck(page: Page, employees: number) {
  const P = L.precheck;
  await page.getByLabel(P.region, { exact: true }).selectOption('06');
  await page.getByLabel(P.postalCode, { exact: true }).fill('H2X 3K4');
  await page.getByLabel(P.neq, { exact: true }).fill('1199887760');
  await page.getByLabel(P.naics, { exact: true }).selectOption('458');
  await page.getByLabel(P.employees, { exact: true }).fill(String(employees));
  await page.getByLabel(P.foundedYear, { exact: true }).fill('2015');
  await page.getByRole('button', { name: P.submit, exact: true }).click();
  return page.locator('section', { has: page.locator('#answer-title') });
}

/** The figure "places still available" of a program page. */
const placesLeft = (page: Page) =>
  page.locator('.figures .figure', { hasText: L.home.placesLabel }).locator('strong');

test('a second program with other criteria runs end to end beside the first', async ({ browser }) => {
  test.setTimeout(180_000);
  const adminContext = await newContext(browser);
  const staff = await adminContext.newPage();
  const staffProblems = watchConsole(staff);

  await test.step('the first administrator signs in with a second factor', async () => {
    await staff.goto(server.firstAdminLink);
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(L.firstAdminTitle);
    await staff.getByLabel(L.fields.name, { exact: true }).fill(admin.name);
    await staff.getByLabel(L.fields.email, { exact: true }).fill(admin.email);
    await staff.getByLabel(L.fields.newPassword, { exact: true }).fill(PASSWORD);
    await staff.getByRole('button', { name: L.createAccount }).click();
    await enrolSecondFactor(staff, 'fr', L.twoFactor, 'programs-admin', { checkPages: false });
  });

  await test.step('the administrator copies the first program; a bad address identifier is explained', async () => {
    await staff.goto('/admin/programs');
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(L.programs.title);
    await expect(staff.getByRole('rowheader')).toHaveText([FIRST_NAME]);
    await checkPage(staff, 'fr', 'programs-admin');
    const P = L.programs;
    await staff.getByLabel(P.copyFrom, { exact: true }).selectOption({ label: FIRST_NAME });
    await staff.getByLabel(P.nameFr, { exact: true }).fill(SECOND.name);
    await staff.getByLabel(P.nameEn, { exact: true }).fill('Digital Shift for Small Shops');
    await staff.getByLabel(P.slug, { exact: true }).fill('Petits commerces');
    await staff.getByLabel(P.target, { exact: true }).fill(SECOND.target);
    await staff.getByRole('button', { name: P.create }).click();
    const summary = staff.getByRole('alert');
    await expect(summary).toContainText(P.fixErrors);
    await expect(summary.getByRole('link')).toHaveText([new RegExp(`^${P.slugError}`)]);
    await checkPage(staff, 'fr', 'programs-admin-error', { switchLanguage: false });
    // The form kept what was typed.
    await expect(staff.getByLabel(P.nameFr, { exact: true })).toHaveValue(SECOND.name);
    await staff.getByLabel(P.slug, { exact: true }).fill(SECOND.slug);
    await staff.getByRole('button', { name: P.create }).click();
    await expect(staff.getByRole('status').filter({ hasText: P.created })).toHaveText(P.created);
    await expect(staff.getByRole('rowheader')).toHaveText([FIRST_NAME, SECOND.name]);
    await checkPage(staff, 'fr', 'programs-admin-created', { switchLanguage: false });
  });

  await test.step("the second program's criteria: 10 employees or fewer", async () => {
    const row = staff.locator('tbody tr', { has: staff.getByRole('rowheader', { name: SECOND.name }) });
    await row.getByRole('link', { name: `Critères de ${SECOND.name}` }).click();
    await expect(staff).toHaveURL(new RegExp(`/admin/program/eligibility\\?program=${SECOND.slug}$`));
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(L.criteria.title);
    await checkPage(staff, 'fr', 'programs-criteria', { switchLanguage: false });
    const criterion = staff.getByRole('group', { name: L.criteria.smallBusiness });
    await criterion.getByLabel(L.criteria.labelFr, { exact: true }).fill('10 employés ou moins');
    await criterion.getByLabel(L.criteria.labelEn, { exact: true }).fill('10 employees or fewer');
    await criterion.getByLabel(L.criteria.value, { exact: true }).fill('10');
    await staff.getByRole('button', { name: L.criteria.publish }).click();
    await expect(staff.getByRole('status').filter({ hasText: L.criteria.published })).toHaveText(
      L.criteria.published,
    );
  });

  await test.step("the second program's recommendations library is its own copy, edited in place", async () => {
    await staff.goto(`/admin/diagnostic/recommendations?program=${SECOND.slug}`);
    await checkPage(staff, 'fr', 'programs-recommendations', { switchLanguage: false });
    const first = staff.getByRole('main').locator('table a').first();
    await first.click();
    await expect(staff).toHaveURL(
      new RegExp(`/admin/diagnostic/recommendations/[\\w-]+\\?program=${SECOND.slug}$`),
    );
    await checkPage(staff, 'fr', 'programs-recommendation', { switchLanguage: false });
    await staff.getByRole('button', { name: L.saveRecommendation }).click();
    await expect(staff).toHaveURL(
      new RegExp(`/admin/diagnostic/recommendations\\?program=${SECOND.slug}&saved=`),
    );
    await expect(staff.locator('.notice-success')).toContainText('La recommandation');
    // Its questionnaire: version 1, its own, in use.
    await staff.goto(`/admin/diagnostic?program=${SECOND.slug}`);
    await expect(staff.locator('table a').first()).toHaveAttribute(
      'href',
      /\/admin\/diagnostic\/questionnaires\//,
    );
    await checkPage(staff, 'fr', 'programs-questionnaires', { switchLanguage: false });
    await staff.locator('table a').first().click();
    await expect(staff).toHaveURL(/\/admin\/diagnostic\/questionnaires\/[\w-]+$/);
    await checkPage(staff, 'fr', 'programs-questionnaire', { switchLanguage: false });
  });

  const visitorContext = await newContext(browser);
  const page = await visitorContext.newPage();
  const problems = watchConsole(page);

  await test.step('the home page lists both programs; each has its page', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: L.home.programsTitle })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3 })).toHaveText([FIRST_NAME, SECOND.name]);
    await checkPage(page, 'fr', 'programs-home');
    await page.getByRole('link', { name: SECOND.name }).click();
    await expect(page).toHaveURL(new RegExp(`/programs/${SECOND.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECOND.name);
    await expect(placesLeft(page)).toHaveText(SECOND.target);
    await checkPage(page, 'fr', 'programs-second');
  });

  await test.step("the second program's pre-check refuses 12 employees; the first program's accepts them", async () => {
    await page.getByRole('link', { name: L.check }).click();
    await expect(page).toHaveURL(new RegExp(`/eligibility\\?program=${SECOND.slug}$`));
    await expect(page.getByRole('main')).toContainText(SECOND.name);
    await checkPage(page, 'fr', 'programs-second-eligibility');
    const answer = await precheck(page, 12);
    await expect(answer.getByRole('heading', { level: 2 })).toHaveText(L.notEligible);
    await expect(answer.locator('li.failed')).toHaveCount(1);
    await expect(answer.locator('li.failed')).toContainText(L.smallBusinessFailed);
    await checkPage(page, 'fr', 'programs-second-not-eligible', { switchLanguage: false });

    await page.goto('/eligibility');
    await expect(page.getByRole('main')).toContainText(FIRST_NAME);
    const first = await precheck(page, 12);
    await expect(first.getByRole('heading', { level: 2 })).toHaveText(L.eligible);
    await checkPage(page, 'fr', 'programs-first-eligible', { switchLanguage: false });
  });

  await test.step('a retailer applies to the second program and submits', async () => {
    await page.goto(`/apply?program=${SECOND.slug}`);
    await page.getByRole('main').getByRole('link', { name: L.createAccount }).click();
    await expect(page).toHaveURL(new RegExp(`/register\\?next=%2Fapply%3Fprogram%3D${SECOND.slug}$`));
    await page.getByLabel(L.fields.name, { exact: true }).fill(retailer.name);
    await page.getByLabel(L.fields.email, { exact: true }).fill(retailer.email);
    await page.getByLabel(L.fields.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.createAccount }).click();
    // Sign-up says the same whatever the address; the confirmation link leads back to this program.
    await expect(page.getByRole('status').filter({ hasText: retailer.email })).toContainText(retailer.email);

    const mail = await waitForMail(retailer.email, { subject: L.verifySubject });
    const link = mail.text.match(/https?:\/\/\S+\/account\/verify\/[\w-]+(\?next=\S+)?/)?.[0];
    expect(link, `the e-mail contains the confirmation link:\n${mail.text}`).toBeTruthy();
    await page.goto(link!);
    await page.getByRole('button', { name: L.verifyButton }).click();
    await page.getByRole('link', { name: L.continueApplication }).click();
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Fapply%3Fprogram%3D${SECOND.slug}$`));
    await page.getByLabel(L.fields.email, { exact: true }).fill(retailer.email);
    await page.getByLabel(L.fields.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.signIn }).click();
    await expect(page).toHaveURL(new RegExp(`/apply\\?program=${SECOND.slug}$`));
    await expect(page.getByRole('main')).toContainText(SECOND.name);
    await checkPage(page, 'fr', 'programs-apply', { switchLanguage: false });

    await page.goto(`/apply?program=${SECOND.slug}`);
    await page.getByRole('button', { name: L.start }).click();
    await expect(page).toHaveURL(/\/applications\/[\w-]+\/steps\/1$/);
    const applicationUrl = new URL(page.url()).pathname.replace(/\/steps\/1$/, '');
    // The five steps are the intake journey's; here the answers are saved as the form would save them.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const saved = await visitorContext.request.fetch(`/api/v1${applicationUrl}`, {
      method: 'PATCH',
      headers: { 'x-csrf-token': csrf },
      data: {
        business,
        consents: { participation: true, research: false, surveys: false, publication: false },
        attestation: true,
        draftStep: 5,
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    await page.goto(`${applicationUrl}/steps/5`);
    await expect(page.getByText(L.eligible)).toBeVisible();
    await checkPage(page, 'fr', 'programs-step-5', { switchLanguage: false });
    await page.getByRole('button', { name: L.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: L.submitted })).toHaveText(L.submitted);
  });

  await test.step("the administrator finds it in the second program's queue only, and accepts it", async () => {
    await staff.goto('/review');
    const search = staff.getByRole('search');
    await search.getByLabel(new RegExp(`^${L.search}`)).fill('Ducharme');
    await search.getByRole('button', { name: L.filter }).click();
    await expect(staff.getByText(L.noneMatch)).toBeVisible();

    await search.getByLabel(new RegExp(`^${L.program}`)).selectOption({ label: SECOND.name });
    await search.getByRole('button', { name: L.filter }).click();
    await expect(staff).toHaveURL(new RegExp(`[?&]program=${SECOND.slug}`));
    const row = staff.locator('table.data tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(business.legalName);
    await checkPage(staff, 'fr', 'programs-review-queue', { switchLanguage: false });
    await row.getByRole('link', { name: business.legalName }).click();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(business.legalName);
    await checkPage(staff, 'fr', 'programs-review-application', { switchLanguage: false });
    await staff.getByRole('combobox', { name: L.decision, exact: true }).selectOption({ label: L.accept });
    await staff.getByRole('button', { name: L.record }).click();
    await expect(staff.getByRole('status').filter({ hasText: L.recorded })).toHaveText(L.recorded);
    await expect(staff.locator('.status-badge')).toHaveText(L.statusAccepted);
  });

  await test.step("one place fewer in the second program; the first program's places are untouched", async () => {
    await page.goto(`/programs/${SECOND.slug}`);
    await expect(placesLeft(page)).toHaveText('24');
    await page.goto('/programs/virage-numerique-detaillants');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIRST_NAME);
    await expect(placesLeft(page)).toHaveText('3\u00a0000');
    await checkPage(page, 'fr', 'programs-first', { switchLanguage: false });
  });

  expect(problems, 'no console errors for the visitor and retailer').toEqual([]);
  expect(staffProblems, 'no console errors for the administrator').toEqual([]);
  await adminContext.close();
  await visitorContext.close();
});
