import { expect, type Locator, type Page, test } from '@playwright/test';
import { createUser, PASSWORD, signedInStaff } from './support/accounts.ts';
import {
  browserLocale,
  checkPage,
  DESKTOP,
  expectNoAxeViolationsWithoutJs,
  expectReflowAt320,
  type Locale,
  newContext,
  newPage,
  screenshot,
  serverFor,
  waitForMail,
} from './support/browser.ts';

/**
 * The intake journey, in French and in English, each against its own server (the foundation journey's):
 * an anonymous visitor checks eligibility (not eligible, then eligible, nothing stored), creates a
 * retailer account and confirms the address from the e-mail, starts the application, stops half-way,
 * signs out and back in, resumes where it was left, submits it and gets the receipt by e-mail; a
 * coordinator (created with the CLI) finds it in the queue and accepts it; the retailer sees the
 * acceptance and gets its e-mail. Bad input, narrow screens and a browser without JavaScript too.
 */

const TEXT = {
  fr: {
    placesLabel: 'places encore disponibles',
    open: 'Ouvert',
    check: 'Vérifier mon admissibilité',
    precheckTitle: 'Vérifier mon admissibilité',
    nothingStored: "Rien de ce que vous entrez ici n'est conservé avec votre réponse",
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
    smallBusiness: 'Non respecté — 50 employés ou moins',
    smallBusinessMet: 'Respecté — 50 employés ou moins',
    apply: 'Déposer une demande',
    nextStep: 'Et maintenant ?',
    applyAnyway: 'Présenter une demande quand même',
    createAccount: 'Créer mon compte',
    registerTitle: 'Créer mon compte de détaillant',
    register: { name: 'Nom', email: 'Courriel', password: 'Mot de passe' },
    verifySubject: 'Confirmez votre adresse courriel pour Virage',
    verifyTitle: 'Confirmer mon adresse courriel',
    verifyButton: 'Confirmer mon adresse',
    verified: 'Merci : votre adresse courriel est confirmée.',
    continueApplication: 'Continuer ma demande',
    start: 'Commencer ma demande',
    steps: [
      'Votre entreprise',
      'Coordonnées',
      'Présence en ligne et objectifs',
      'Consentements',
      'Vérification et dépôt',
    ],
    next: 'Enregistrer et continuer',
    saveLater: 'Enregistrer et finir plus tard',
    submit: 'Déposer ma demande',
    fields: {
      legalName: "Nom légal de l'entreprise",
      tradeName: 'Nom commercial (facultatif)',
      neq: "Numéro d'entreprise du Québec (NEQ)",
      naics: "Secteur d'activité (SCIAN)",
      employees: "Nombre d'employés",
      foundedYear: 'Année de fondation',
      street: 'Adresse',
      website: 'Site Web',
      municipality: 'Municipalité',
      postalCode: 'Code postal',
      phone: 'Téléphone',
      email: "Courriel de l'entreprise",
      contactName: 'Personne-ressource',
      languages: 'Langues de service',
      french: 'Français',
      presence: 'Présence en ligne actuelle',
      social: 'Réseaux sociaux',
      goals: 'Objectifs',
      participation: 'Consentement à la participation',
      research: 'Consentement au partage avec le partenaire de recherche',
      surveys: 'Consentement aux sondages de suivi',
      publication: 'Consentement à la publication du nom commercial',
      attestation: "J'atteste que je peux représenter cette entreprise",
    },
    fixErrors: 'Corrigez les champs suivants :',
    neqError: "Le champ « Numéro d'entreprise du Québec (NEQ) » compte 10 chiffres",
    goalsTooLong: 'Le champ « Objectifs » doit compter au plus 4\u00a0000 caractères.',
    saved: 'Votre demande est enregistrée. Vous pouvez la reprendre quand vous voulez.',
    draft: 'Brouillon',
    signOut: 'Se déconnecter',
    haveAccount: "J'ai déjà un compte",
    signIn: 'Se connecter',
    reviewTitle: 'Vérification et dépôt',
    assessment: "Évaluation automatique de l'admissibilité",
    stepsLabel: 'Étapes de la demande',
    submitted: 'Votre demande est déposée. Un accusé de réception vous a été envoyé par courriel.',
    statusSubmitted: 'Déposée',
    statusAccepted: 'Acceptée',
    receiptSubject: 'Nous avons bien reçu votre demande',
    acceptedSubject: 'Votre demande est acceptée',
    reviewQueue: 'Demandes',
    reviewQueueTitle: 'Demandes à traiter',
    search: 'Nom ou NEQ',
    filter: 'Filtrer',
    noneMatch: 'Aucune demande ne correspond.',
    decision: 'Décision',
    accept: 'Accepter',
    record: 'Enregistrer la décision',
    recorded: 'Décision enregistrée : Acceptée.',
    sentNotice: (email: string) =>
      `Nous avons envoyé un courriel à ${email}. Suivez le lien qu'il contient pour continuer, puis connectez-vous.`,
    naics458: '458 – Détaillants de vêtements',
    notGiven: 'non indiqué',
    reviewMessage: 'Pourquoi demandez-vous une révision? (facultatif)',
    consentsSummary:
      'Consentement à la participation : oui · Consentement au partage avec le partenaire de recherche : non',
    consentsLabel: 'Consentements',
  },
  en: {
    placesLabel: 'places still available',
    open: 'Open',
    check: 'Check my eligibility',
    precheckTitle: 'Check my eligibility',
    nothingStored: 'Nothing you enter here is kept with your answer',
    precheck: {
      region: 'Region',
      postalCode: 'Postal code',
      neq: 'Québec enterprise number (NEQ)',
      naics: 'Industry (NAICS)',
      employees: 'Number of employees',
      foundedYear: 'Year founded',
      submit: 'Check',
    },
    eligible: 'From this information, your business seems eligible.',
    notEligible: 'From this information, your business does not seem eligible.',
    smallBusiness: 'Not met — 50 employees or fewer',
    smallBusinessMet: 'Met — 50 employees or fewer',
    apply: 'Apply',
    nextStep: 'What now?',
    applyAnyway: 'Apply anyway',
    createAccount: 'Create my account',
    registerTitle: 'Create my retailer account',
    register: { name: 'Name', email: 'E-mail', password: 'Password' },
    verifySubject: 'Confirm your e-mail address for Virage',
    verifyTitle: 'Confirm my e-mail address',
    verifyButton: 'Confirm my address',
    verified: 'Thank you: your e-mail address is confirmed.',
    continueApplication: 'Continue my application',
    start: 'Start my application',
    steps: ['Your business', 'Contact details', 'Online presence and goals', 'Consents', 'Review and submit'],
    next: 'Save and continue',
    saveLater: 'Save and finish later',
    submit: 'Submit my application',
    fields: {
      legalName: 'Legal name of the business',
      tradeName: 'Trade name (optional)',
      neq: 'Québec enterprise number (NEQ)',
      naics: 'Industry (NAICS)',
      employees: 'Number of employees',
      foundedYear: 'Year founded',
      street: 'Address',
      website: 'Website',
      municipality: 'Municipality',
      postalCode: 'Postal code',
      phone: 'Phone',
      email: 'Business e-mail',
      contactName: 'Contact person',
      languages: 'Languages of service',
      french: 'French',
      presence: 'Current online presence',
      social: 'Social media',
      goals: 'Goals',
      participation: 'Consent to participate',
      research: 'Consent to sharing with the research partner',
      surveys: 'Consent to follow-up surveys',
      publication: 'Consent to publishing the trade name',
      attestation: 'I attest that I may represent this business',
    },
    fixErrors: 'Please correct the following fields:',
    neqError: 'Québec enterprise number (NEQ) has 10 digits',
    goalsTooLong: 'Goals must be at most 4,000 characters long.',
    saved: 'Your application is saved. You can come back to it whenever you like.',
    draft: 'Draft',
    signOut: 'Sign out',
    haveAccount: 'I already have an account',
    signIn: 'Sign in',
    reviewTitle: 'Review and submit',
    assessment: 'Automated eligibility assessment',
    stepsLabel: 'Application steps',
    submitted: 'Your application is submitted. A receipt was sent to you by e-mail.',
    statusSubmitted: 'Submitted',
    statusAccepted: 'Accepted',
    receiptSubject: 'We have received your application',
    acceptedSubject: 'Your application is accepted',
    reviewQueue: 'Applications',
    reviewQueueTitle: 'Applications to process',
    search: 'Name or NEQ',
    filter: 'Filter',
    noneMatch: 'No application matches.',
    decision: 'Decision',
    accept: 'Accept',
    record: 'Record the decision',
    recorded: 'Decision recorded: Accepted.',
    sentNotice: (email: string) =>
      `We sent an e-mail to ${email}. Follow the link it contains to continue, then sign in.`,
    naics458: '458 – Clothing, clothing accessories',
    notGiven: 'not given',
    reviewMessage: 'Why do you ask for a review? (optional)',
    consentsSummary: 'Consent to participate: yes · Consent to sharing with the research partner: no',
    consentsLabel: 'Consents',
  },
} as const;

/** A 10-digit NEQ that passes the usual check digit (Luhn over digits 3 to 10), so no warning shows. */
function neqWithCheckDigit(first9: string): string {
  for (let last = 0; last <= 9; last++) {
    const digits = `${first9.slice(2)}${last}`.split('').map(Number);
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = digits[digits.length - 1 - i]!;
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return `${first9}${last}`;
  }
  throw new Error('unreachable');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field whose label starts with this text (optional fields add "(optional)", consents their text). */
const labelled = (page: Page | Locator, start: string) =>
  page.getByLabel(new RegExp(`^${escapeRegExp(start)}`));

async function expectStep(page: Page, locale: Locale, step: number) {
  await expect(page).toHaveURL(new RegExp(`/applications/[\\w-]+/steps/${step}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[locale].steps[step - 1]!);
}

// The two languages run side by side (one worker each); the steps of one language run in order.
test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const L = TEXT[locale];
  const retailer = {
    name: locale === 'fr' ? 'Zoé Lavoie' : 'Zoe Miller',
    email: `zoe.${locale}@example.ca`,
  };
  const business = {
    legalName: '<b>Zoé</b> & fils',
    tradeName: `Boutique Zoé ${locale.toUpperCase()}`,
    neq: neqWithCheckDigit(locale === 'fr' ? '114523678' : '114523679'),
    street: '1234, rue Saint-Denis',
    postalCode: 'H2X 3K4',
    phone: '514 555-0123',
    email: `boutique.${locale}@example.ca`,
    contactName: retailer.name,
  };
  // Another NEQ for the pre-check, to show afterwards that the pre-check stored nothing.
  const precheckNeq = neqWithCheckDigit(locale === 'fr' ? '119988776' : '119988775');
  const coordinator = { name: 'Gabrielle Roy', email: `gabrielle.${locale}@example.ca` };

  test.describe(`intake journey (${locale})`, () => {
    test.describe.configure({ mode: 'serial' });
    test.use({ locale: browserLocale(locale), baseURL: serverFor(locale).url });

    test('pre-check, account, application interrupted and resumed, submitted, accepted', async ({
      browser,
    }) => {
      const { context, page, problems } = await newPage(browser, locale, DESKTOP);
      let applicationUrl = '';

      await test.step('the program page shows the live figures', async () => {
        await page.goto('/');
        const figures = page.locator('.figures');
        await expect(figures.getByText(L.placesLabel)).toBeVisible();
        await expect(figures.locator('.figure', { hasText: L.placesLabel }).locator('strong')).toHaveText(
          /^\d[\d\s,]*$/,
        );
        await expect(figures.getByText(L.open, { exact: true })).toBeVisible();
        await checkPage(page, locale, 'home');
      });

      await test.step('the pre-check explains why 72 employees is not eligible, then 8 is', async () => {
        await page.getByRole('link', { name: L.check }).click();
        await expect(page).toHaveURL(/\/eligibility$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.precheckTitle);
        await expect(page.getByText(L.nothingStored)).toBeVisible();
        await checkPage(page, locale, 'eligibility');
        await expectReflowAt320(page, locale, 'eligibility');

        const P = L.precheck;
        await page.getByLabel(P.region, { exact: true }).selectOption('06');
        await page.getByLabel(P.postalCode, { exact: true }).fill('h2x 3k4');
        await page.getByLabel(P.neq, { exact: true }).fill(precheckNeq);
        await page.getByLabel(P.naics, { exact: true }).selectOption('458');
        await page.getByLabel(P.employees, { exact: true }).fill('72');
        await page.getByLabel(P.foundedYear, { exact: true }).fill('2015');
        await page.getByRole('button', { name: P.submit, exact: true }).click();

        const answer = page.locator('section', { has: page.locator('#answer-title') });
        await expect(answer.getByRole('heading', { level: 2 })).toHaveText(L.notEligible);
        const failed = answer.locator('li.failed');
        await expect(failed).toHaveCount(1);
        await expect(failed).toContainText(L.smallBusiness);
        await expect(failed).toContainText('72');
        await expect(failed).toContainText('50');
        await expect(answer.getByRole('link', { name: L.apply, exact: true })).toHaveCount(0);
        // An ineligible answer still says what to do next: apply for a person's review, or read about the program.
        await expect(answer.getByRole('heading', { name: L.nextStep })).toBeVisible();
        await expect(answer.getByRole('link', { name: L.applyAnyway })).toHaveAttribute(
          'href',
          /^\/apply\?region=06&postalCode=h2x\+3k4&/,
        );
        await checkPage(page, locale, 'eligibility-not-eligible', { switchLanguage: false });
        await expectReflowAt320(page, locale, 'eligibility-not-eligible');

        // The form keeps what was typed: only the number of employees changes.
        await expect(page.getByLabel(P.neq, { exact: true })).toHaveValue(precheckNeq);
        await page.getByLabel(P.employees, { exact: true }).fill('8');
        await page.getByRole('button', { name: P.submit, exact: true }).click();
        await expect(answer.getByRole('heading', { level: 2 })).toHaveText(L.eligible);
        await expect(answer.locator('li.failed')).toHaveCount(0);
        await expect(answer.locator('li.passed', { hasText: L.smallBusinessMet })).toBeVisible();
        await checkPage(page, locale, 'eligibility-eligible', { switchLanguage: false });
      });

      await test.step('the visitor creates a retailer account', async () => {
        // The pre-check's answers go along, to fill in the application.
        await page.getByRole('link', { name: L.apply, exact: true }).click();
        await expect(page).toHaveURL(
          /\/apply\?region=06&postalCode=h2x\+3k4&neq=\d+&naics=458&employees=8&foundedYear=2015$/,
        );
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.apply);
        await checkPage(page, locale, 'apply-anonymous', { switchLanguage: false });
        await page.getByRole('main').getByRole('link', { name: L.createAccount }).click();
        await expect(page).toHaveURL(/\/register\?next=%2Fapply%3Fregion%3D06%26/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.registerTitle);
        await checkPage(page, locale, 'register', { switchLanguage: false });
        await page.getByLabel(L.register.name, { exact: true }).fill(retailer.name);
        await page.getByLabel(L.register.email, { exact: true }).fill(retailer.email);
        await page.getByLabel(L.register.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: L.createAccount }).click();
        // The same answer whether or not the address had an account: the e-mail says which.
        await expect(page.getByRole('status').filter({ hasText: L.sentNotice(retailer.email) })).toHaveText(
          L.sentNotice(retailer.email),
        );
      });

      await test.step('the address is confirmed from the e-mail link', async () => {
        const mail = await waitForMail(retailer.email, { subject: L.verifySubject });
        expect(mail.contentLanguage).toBe(locale);
        // The link carries where to continue: the application, with the pre-check's answers.
        const link = mail.text.match(/https?:\/\/\S+\/account\/verify\/[\w-]+(\?next=\S+)?/)?.[0];
        expect(link, `the e-mail contains the confirmation link:\n${mail.text}`).toBeTruthy();
        expect(link!.startsWith(serverFor(locale).url)).toBe(true);
        await page.goto(link!);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.verifyTitle);
        await checkPage(page, locale, 'verify-email', { switchLanguage: false });
        await page.getByRole('button', { name: L.verifyButton }).click();
        await expect(page.getByRole('status').filter({ hasText: L.verified })).toHaveText(L.verified);
        await checkPage(page, locale, 'verify-email-done', { switchLanguage: false });
        // The pre-check's answers went along with the confirmation link, to fill in the application.
        await page.getByRole('link', { name: L.continueApplication }).click();
        await expect(page).toHaveURL(/\/sign-in\?next=%2Fapply%3Fregion%3D06%26/);
        await page.getByLabel(L.register.email, { exact: true }).fill(retailer.email);
        await page.getByLabel(L.register.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: L.signIn }).click();
        await expect(page).toHaveURL(/\/apply\?region=06&/);
        await expect(page.getByRole('button', { name: L.start })).toBeVisible();
        await checkPage(page, locale, 'apply-retailer');
      });

      await test.step('step 1: bad input is explained, then the business is described', async () => {
        await page.getByRole('button', { name: L.start }).click();
        await expectStep(page, locale, 1);
        applicationUrl = new URL(page.url()).pathname.replace(/\/steps\/1$/, '');
        await checkPage(page, locale, 'step-1');
        await expectReflowAt320(page, locale, 'step-1');

        const F = L.fields;
        await page.getByLabel(F.legalName, { exact: true }).fill(business.legalName);
        await page.getByLabel(F.tradeName, { exact: true }).fill(business.tradeName);
        await page.getByLabel(F.neq, { exact: true }).fill('12345');
        await page.getByLabel(F.naics, { exact: true }).selectOption('458');
        await page.getByLabel(F.employees, { exact: true }).fill('8');
        await page.getByLabel(F.foundedYear, { exact: true }).fill('2015');
        await page.getByRole('button', { name: L.next }).click();

        const summary = page.getByRole('alert');
        await expect(summary).toContainText(L.fixErrors);
        await expect(summary.getByRole('link', { name: new RegExp(escapeRegExp(L.neqError)) })).toBeVisible();
        const neq = page.getByLabel(F.neq, { exact: true });
        await expect(neq).toHaveAttribute('aria-invalid', 'true');
        await expect(neq).toHaveValue('12345');
        await expect(page.getByLabel(F.legalName, { exact: true })).toHaveValue(business.legalName);
        // The summary's link leads to the field.
        await summary.getByRole('link', { name: new RegExp(escapeRegExp(L.neqError)) }).click();
        await expect(neq).toBeFocused();
        await checkPage(page, locale, 'step-1-error', { switchLanguage: false });

        await neq.fill(business.neq);
        await page.getByRole('button', { name: L.next }).click();
        await expectStep(page, locale, 2);
        await checkPage(page, locale, 'step-2', { switchLanguage: false });
      });

      await test.step('step 2 half done: saved to finish later', async () => {
        const F = L.fields;
        await page.getByLabel(F.street, { exact: true }).fill(business.street);
        await page.getByLabel(F.phone, { exact: true }).fill(business.phone);
        await page.getByRole('button', { name: L.saveLater }).click();
        await expect(page).toHaveURL(new RegExp(`${applicationUrl}\\?saved=1$`));
        // (The file's page also has the messages' live region.)
        await expect(page.getByRole('status').filter({ hasText: L.saved })).toHaveText(L.saved);
        await expect(page.locator('.status-badge')).toHaveText(L.draft);
        await checkPage(page, locale, 'saved', { switchLanguage: false });
      });

      await test.step('signed out and back in, the application resumes where it was left', async () => {
        await page.getByRole('button', { name: L.signOut }).click();
        await expect(page.getByRole('button', { name: L.signOut })).toHaveCount(0);
        await page.goto('/apply');
        await page.getByRole('main').getByRole('link', { name: L.haveAccount }).click();
        await expect(page).toHaveURL(/\/sign-in\?next=%2Fapply$/);
        await page.getByLabel(L.register.email, { exact: true }).fill(retailer.email);
        await page.getByLabel(L.register.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: L.signIn }).click();
        await expectStep(page, locale, 2);
        const F = L.fields;
        await expect(page.getByLabel(F.street, { exact: true })).toHaveValue(business.street);
        await expect(page.getByLabel(F.phone, { exact: true })).toHaveValue(business.phone);
        // Given at the pre-check, carried through sign-up and the confirmation link into the application.
        await expect(page.getByLabel(F.postalCode, { exact: true })).toHaveValue(business.postalCode);
        await checkPage(page, locale, 'step-2-resumed', { switchLanguage: false });
      });

      await test.step('step 2 finished: the municipality from the list', async () => {
        const F = L.fields;
        const municipality = page.getByLabel(F.municipality, { exact: true });
        await expect(municipality).toHaveAttribute('list', 'municipalities');
        await expect(page.locator('datalist#municipalities option[value="Montréal"]')).toHaveCount(1);
        await municipality.fill('Montréal');
        await page.getByLabel(F.postalCode, { exact: true }).fill(business.postalCode);
        await page.getByLabel(F.email, { exact: true }).fill(business.email);
        await page.getByLabel(F.contactName, { exact: true }).fill(business.contactName);
        await page.getByRole('button', { name: L.next }).click();
        await expectStep(page, locale, 3);
        await checkPage(page, locale, 'step-3', { switchLanguage: false });
      });

      await test.step('step 3: a 10,000-character text is refused, with a message on the field', async () => {
        const F = L.fields;
        await page.getByRole('group', { name: F.languages }).getByLabel(F.french, { exact: true }).check();
        await page.getByRole('group', { name: F.presence }).getByLabel(F.social, { exact: true }).check();
        const goals = labelled(page, F.goals);
        // The field stops at 4,000 characters in the browser; the server must refuse more all the same.
        await goals.evaluate((element) => element.removeAttribute('maxlength'));
        await goals.fill('x'.repeat(10_000));
        await page.getByRole('button', { name: L.next }).click();
        await expect(page.getByRole('alert')).toContainText(L.goalsTooLong);
        await expect(goals).toHaveAttribute('aria-invalid', 'true');
        await expect(page.locator('.field-error .error-message')).toContainText(L.goalsTooLong);
        await checkPage(page, locale, 'step-3-error', { switchLanguage: false });

        await goals.fill(
          locale === 'fr'
            ? 'Vendre en ligne et être trouvée sur Google.'
            : 'Sell online and be found on Google.',
        );
        // What was ticked before the error is still ticked.
        await expect(
          page.getByRole('group', { name: F.languages }).getByLabel(F.french, { exact: true }),
        ).toBeChecked();
        await page.getByRole('button', { name: L.next }).click();
        await expectStep(page, locale, 4);
        await checkPage(page, locale, 'step-4', { switchLanguage: false });
      });

      await test.step('step 4: only the consent to participate, and the attestation', async () => {
        const F = L.fields;
        for (const optional of [F.research, F.surveys, F.publication])
          await expect(labelled(page, optional)).not.toBeChecked();
        await labelled(page, F.participation).check();
        await labelled(page, F.attestation).check();
        await page.getByRole('button', { name: L.next }).click();
        await expectStep(page, locale, 5);
      });

      await test.step('step 5: the review, the assessment, then submission', async () => {
        const facts = page.locator('dl.facts');
        const legalName = facts.locator('div', { has: page.getByText(L.fields.legalName, { exact: true }) });
        // Markup typed in a field is text, not markup.
        await expect(legalName.locator('dd')).toHaveText(business.legalName);
        await expect(facts.locator('b')).toHaveCount(0);
        // One list of facts per step, each with a link to change it.
        const review = page.getByRole('main');
        await expect(review).toContainText(business.neq);
        await expect(review).toContainText('Montréal');
        await expect(review).toContainText(L.naics458);
        // An optional field left empty is not "to be given".
        const website = facts.locator('div', { has: page.getByText(L.fields.website, { exact: true }) });
        await expect(website.locator('dd')).toHaveText(L.notGiven);
        await expect(page.getByRole('heading', { level: 2, name: L.assessment })).toBeVisible();
        await expect(page.getByText(L.eligible)).toBeVisible();
        await expect(page.locator('.result-list li.failed')).toHaveCount(0);
        await checkPage(page, locale, 'step-5', { switchLanguage: false });
        await expectReflowAt320(page, locale, 'step-5');

        await page.getByRole('button', { name: L.submit }).click();
        await expect(page).toHaveURL(new RegExp(`${applicationUrl}\\?submitted=1$`));
        await expect(page.getByRole('status').filter({ hasText: L.submitted })).toHaveText(L.submitted);
        await expect(page.locator('.status-badge')).toHaveText(L.statusSubmitted);
        // Found eligible: no review by a person to ask for (it is offered when the result goes against you).
        await expect(page.getByLabel(L.reviewMessage, { exact: true })).toHaveCount(0);
        await checkPage(page, locale, 'submitted', { switchLanguage: false });
      });

      await test.step(`the receipt arrives by e-mail, in ${locale}`, async () => {
        const mail = await waitForMail(retailer.email, { subject: L.receiptSubject });
        expect(mail.contentLanguage).toBe(locale);
        expect(mail.text).toContain(business.tradeName);
        expect(mail.text).toContain(`${serverFor(locale).url}${applicationUrl}`);
      });

      await test.step('a coordinator, created with the CLI, accepts the application', async () => {
        const out = await createUser(
          locale,
          { email: coordinator.email, role: 'coordinator', name: coordinator.name },
          PASSWORD,
        );
        expect(out).toContain(coordinator.email);

        const {
          context: staffContext,
          page: staff,
          problems: staffProblems,
        } = await signedInStaff(browser, locale, coordinator, PASSWORD, 'coordinator', DESKTOP);

        await staff.getByRole('main').getByRole('link', { name: L.reviewQueue, exact: true }).click();
        await expect(staff).toHaveURL(/\/review$/);
        // The queue opens on what waits for a decision.
        await expect(staff.getByRole('heading', { level: 1 })).toHaveText(L.reviewQueueTitle);
        await checkPage(staff, locale, 'review-queue', { switchLanguage: false });
        // On a common laptop screen every column of the queue shows, with nothing to scroll sideways.
        await staff.setViewportSize({ width: 1366, height: 768 });
        const queueWidth = await staff
          .locator('.table-wrap')
          .evaluate((wrap) => ({ scroll: wrap.scrollWidth, client: wrap.clientWidth }));
        expect
          .soft(queueWidth.scroll, 'the queue fits a 1366 px screen')
          .toBeLessThanOrEqual(queueWidth.client);

        const search = staff.getByRole('search');
        // The pre-check stored nothing: its NEQ is nowhere.
        await labelled(search, L.search).fill(precheckNeq);
        await search.getByRole('button', { name: L.filter }).click();
        await expect(staff.getByText(L.noneMatch)).toBeVisible();

        await labelled(search, L.search).fill('Zoé');
        await search.getByRole('button', { name: L.filter }).click();
        await expect(staff).toHaveURL(/[?&]q=Zo%C3%A9/);
        const row = staff.locator('table.data tbody tr');
        await expect(row).toHaveCount(1);
        await expect(row.locator('td').nth(1)).toContainText(business.legalName);
        await checkPage(staff, locale, 'review-queue-search', { switchLanguage: false });
        await row.getByRole('link', { name: business.legalName }).click();

        await expect(staff).toHaveURL(/\/review\/applications\//);
        await expect(staff.getByRole('heading', { level: 1 })).toHaveText(business.legalName);
        await expect(staff.locator('h1 b')).toHaveCount(0);
        await expect(
          staff.locator('dl.facts div', { has: staff.getByText(L.consentsLabel, { exact: true }) }),
        ).toContainText(L.consentsSummary);
        await checkPage(staff, locale, 'review-application', { switchLanguage: false });
        await staff
          .getByRole('combobox', { name: L.decision, exact: true })
          .selectOption({ label: L.accept });
        await staff.getByRole('button', { name: L.record }).click();
        await expect(staff.getByRole('status').filter({ hasText: L.recorded })).toHaveText(L.recorded);
        await expect(staff.locator('.status-badge')).toHaveText(L.statusAccepted);
        await checkPage(staff, locale, 'review-accepted', { switchLanguage: false });
        await staffContext.close();
        expect.soft(staffProblems, 'script or console errors (coordinator)').toEqual([]);
      });

      await test.step('the retailer sees the acceptance and gets its e-mail', async () => {
        await page.reload();
        await expect(page.locator('.status-badge')).toHaveText(L.statusAccepted);
        // The address still says ?submitted=1, but the page no longer says "submitted".
        await expect(page.getByText(L.submitted)).toHaveCount(0);
        await checkPage(page, locale, 'accepted');
        const mail = await waitForMail(retailer.email, { subject: L.acceptedSubject });
        expect(mail.contentLanguage).toBe(locale);
        expect(mail.text).toContain(business.tradeName);
      });

      await context.close();
      expect.soft(problems, 'script or console errors (retailer)').toEqual([]);
    });

    test('the application form works without JavaScript', async ({ browser }) => {
      const context = await newContext(browser, locale, { ...DESKTOP, javaScriptEnabled: false });
      const page = await context.newPage();
      const F = L.fields;
      await page.goto('/register?next=%2Fapply');
      await expectNoAxeViolationsWithoutJs(page, 'register without JavaScript');
      const email = `noe.${locale}@example.ca`;
      await page.getByLabel(L.register.name, { exact: true }).fill('Noé Sans-Script');
      await page.getByLabel(L.register.email, { exact: true }).fill(email);
      await page.getByLabel(L.register.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: L.createAccount }).click();
      await expect(page.getByRole('status').filter({ hasText: L.sentNotice(email) })).toHaveText(
        L.sentNotice(email),
      );
      await expectNoAxeViolationsWithoutJs(page, 'sign-up sent without JavaScript');
      const mail = await waitForMail(email, { subject: L.verifySubject });
      await page.goto(mail.text.match(/https?:\/\/\S+\/account\/verify\/[\w-]+/)![0]);
      await page.getByRole('button', { name: L.verifyButton }).click();
      await page.getByRole('link', { name: L.continueApplication }).click();
      await page.getByLabel(L.register.email, { exact: true }).fill(email);
      await page.getByLabel(L.register.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: L.signIn }).click();
      await expect(page).toHaveURL(/\/apply$/);
      await expectNoAxeViolationsWithoutJs(page, 'apply without JavaScript');
      await page.getByRole('button', { name: L.start }).click();
      await expectStep(page, locale, 1);
      await expectNoAxeViolationsWithoutJs(page, 'step 1 without JavaScript');
      await screenshot(page, locale, 'no-js-step-1');

      await page.getByLabel(F.legalName, { exact: true }).fill('Quincaillerie Noé inc.');
      await page.getByLabel(F.neq, { exact: true }).fill('1145 2367 8');
      await page.getByRole('button', { name: L.next }).click();
      // A wrong NEQ without JavaScript: the same summary and field message, from the server alone.
      await expectStep(page, locale, 1);
      await expect(page.getByRole('alert')).toContainText(L.neqError);
      await expect(page.getByLabel(F.neq, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolationsWithoutJs(page, 'step 1 error without JavaScript');

      await page.getByLabel(F.neq, { exact: true }).fill(neqWithCheckDigit('117766554'));
      await page.getByLabel(F.naics, { exact: true }).selectOption('444');
      await page.getByLabel(F.employees, { exact: true }).fill('3');
      await page.getByLabel(F.foundedYear, { exact: true }).fill('1998');
      await page.getByRole('button', { name: L.next }).click();
      await expectStep(page, locale, 2);
      await expectNoAxeViolationsWithoutJs(page, 'step 2 without JavaScript');
      await screenshot(page, locale, 'no-js-step-2');

      // What step 1 saved is there when going back to it.
      await page
        .getByRole('navigation', { name: L.stepsLabel })
        .getByRole('link', { name: L.steps[0] })
        .click();
      await expectStep(page, locale, 1);
      await expect(page.getByLabel(F.legalName, { exact: true })).toHaveValue('Quincaillerie Noé inc.');
      await expect(page.getByLabel(F.employees, { exact: true })).toHaveValue('3');

      // A refused step 3 comes back from the server alone with both ticked boxes still ticked.
      await page.goto(page.url().replace(/\/steps\/1$/, '/steps/3'));
      await expectStep(page, locale, 3);
      const french = page.getByRole('group', { name: F.languages }).getByLabel(F.french, { exact: true });
      const social = page.getByRole('group', { name: F.presence }).getByLabel(F.social, { exact: true });
      await french.check();
      await social.check();
      const goals = labelled(page, F.goals);
      await goals.evaluate((element) => element.removeAttribute('maxlength'));
      await goals.fill('x'.repeat(4001));
      await page.getByRole('button', { name: L.next }).click();
      await expectStep(page, locale, 3);
      await expect(page.getByRole('alert')).toContainText(L.goalsTooLong);
      await expect(french).toBeChecked();
      await expect(social).toBeChecked();
      await context.close();
    });
  });
}
