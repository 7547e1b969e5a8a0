import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { isAppError } from '../../../platform/errors.ts';
import { regionOptions } from '../../../platform/ui/choices.tsx';
import { FocusOn } from '../../../platform/ui/focus-on.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery } from '../../programs/index.ts';
import { lookUpEnterprise } from '../../registry/index.ts';
import { answersQuery } from '../domain/precheck-answers.ts';
import { prefillOf } from '../domain/registry-check.ts';
import { checkEligibility } from '../use-cases/check-eligibility.ts';
import { selectProgramOverview } from '../use-cases/get-program-overview.ts';
import { factsOf } from '../use-cases/look-up-registry.ts';
import { registryExtractDate } from '../use-cases/registry-facts.ts';
import { CriteriaResults } from './criteria-results.tsx';
import { naicsOptions } from './options.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await selectProgramOverview(ctx, new URL(request.url).searchParams.get('program'));
  return {
    program: {
      id: program.id,
      slug: program.slug,
      query: programQuery(program.slug),
      name: program.name,
      notice: program.automatedDecisionNotice,
    },
    locale: ctx.locale,
  };
});

/**
 * Nothing is stored: the answer is computed and shown. « Rechercher au registre » looks the NEQ up
 * (within the registry's limit for visitors) and fills in the subsector and founding year to confirm.
 */
export const action = formAction(async ({ ctx, form }) => {
  if (form.intent === 'lookup') {
    const found = await lookUpEnterprise(ctx, form.neq ?? '').catch((error: unknown) => {
      if (isAppError(error) && error.code === 'not_found') return undefined;
      throw error;
    });
    const facts = found ? factsOf(found) : undefined;
    const prefill = facts ? prefillOf(facts) : {};
    const extract = found?.extract.fileDate ?? (await registryExtractDate(ctx));
    const values: Record<string, string> = {
      ...form,
      ...(prefill.naics ? { naics: prefill.naics } : {}),
      ...(prefill.foundedYear ? { foundedYear: String(prefill.foundedYear) } : {}),
    };
    return {
      values,
      registry: {
        found: !!facts,
        name: facts?.legalName ?? null,
        status: facts?.status?.label ?? null,
        date: extract,
      },
    };
  }
  const program = await selectProgramOverview(ctx, form.program);
  const answer = await checkEligibility(ctx, program.id, {
    neq: form.neq ?? '',
    postalCode: form.postalCode ?? '',
    region: form.region ?? '',
    naics: form.naics ?? '',
    employees: formNumber(form.employees),
    foundedYear: formNumber(form.foundedYear),
  });
  return { answer, values: form };
});

export default function EligibilityCheck() {
  const { t } = useTranslation('intake');
  const { program, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const answer = result && 'answer' in result ? result.answer : undefined;
  const registry = result && 'registry' in result ? result.registry : undefined;
  const values = result?.values ?? {};
  const errors = fieldErrors(failed?.error);
  // The application form, in this program, with the answers given here to start it with.
  const answers = answersQuery(values);
  const applyHref = `/apply${program.query}${answers ? `${program.query ? '&' : '?'}${answers}` : ''}`;
  return (
    <div>
      <PageTitle title={t('ui.precheck.title')}>{t('ui.precheck.title')}</PageTitle>
      <p className="lead">{t('ui.precheck.intro', { program: program?.name })}</p>
      {answer ? (
        // The answer takes the focus (and is read out): on a phone the button pressed is far below it.
        <FocusOn when={answer} id="verdict">
          <section aria-labelledby="answer-title" className="card">
            <h2 id="answer-title">
              {answer.eligible ? t('ui.precheck.eligible') : t('ui.precheck.not_eligible')}
            </h2>
            <CriteriaResults criteria={answer.criteria} />
            <p>{t('ui.precheck.duplicates_later')}</p>
            {program ? <p className="hint">{program.notice}</p> : null}
            {answer.eligible ? (
              <p>
                <Link to={applyHref} className="button button-primary">
                  {t('ui.precheck.apply')}
                </Link>
              </p>
            ) : (
              <section aria-labelledby="next-step-title">
                <h3 id="next-step-title">{t('ui.precheck.next_title')}</h3>
                <p>{t('ui.precheck.failed_means')}</p>
                <p>{t('ui.precheck.human_review')}</p>
                <p className="actions">
                  <Link to={applyHref}>{t('ui.precheck.apply_anyway')}</Link>
                  <Link to={`/programs/${program.slug}`}>{t('ui.precheck.program_page')}</Link>
                </p>
              </section>
            )}
          </section>
        </FocusOn>
      ) : (
        <Notice>
          <p>{t('ui.precheck.nothing_stored')}</p>
        </Notice>
      )}
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack">
        <input type="hidden" name="program" value={program.slug} />
        <SelectField
          name="region"
          label={t('fields.region')}
          required
          defaultValue={values.region}
          options={[{ value: '', label: t('ui.choose') }, ...regionOptions()]}
          error={errors.region}
        />
        <TextField
          name="postalCode"
          label={t('fields.postalCode')}
          hint={t('ui.hints.postal_code')}
          required
          autoComplete="postal-code"
          defaultValue={values.postalCode}
          error={errors.postalCode}
        />
        <TextField
          name="neq"
          label={t('fields.business.neq')}
          hint={t('ui.hints.neq')}
          required
          inputMode="numeric"
          defaultValue={values.neq}
          error={errors.neq}
        />
        <p className="hint">{t('ui.registry.lookup_hint')}</p>
        <div>
          <SubmitButton name="intent" value="lookup" variant="secondary">
            {t('ui.registry.lookup')}
          </SubmitButton>
        </div>
        {registry ? (
          <Notice kind={registry.found ? 'info' : 'warning'}>
            <p>
              {registry.found
                ? `${t('ui.label_value', {
                    label: t('ui.registry.title', { date: registry.date ?? '—' }),
                    value: [registry.name, registry.status].filter(Boolean).join(', '),
                  })}. ${t('ui.registry.found')}`
                : t('ui.registry.not_listed', { neq: values.neq, date: registry.date ?? '—' })}
            </p>
          </Notice>
        ) : null}
        <SelectField
          name="naics"
          label={t('fields.naics')}
          required
          defaultValue={values.naics}
          options={[{ value: '', label: t('ui.choose') }, ...naicsOptions(locale)]}
          error={errors.naics}
        />
        <TextField
          name="employees"
          label={t('fields.employees')}
          hint={t('ui.hints.employees')}
          required
          inputMode="numeric"
          defaultValue={values.employees}
          error={errors.employees}
        />
        <TextField
          name="foundedYear"
          label={t('fields.foundedYear')}
          required
          inputMode="numeric"
          defaultValue={values.foundedYear}
          error={errors.foundedYear}
        />
        <SubmitButton name="intent" value="check">
          {t('ui.precheck.submit')}
        </SubmitButton>
      </PostForm>
    </div>
  );
}
