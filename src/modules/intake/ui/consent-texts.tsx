import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery, selectProgram } from '../../programs/index.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import { getConsentTexts } from '../use-cases/get-consent-texts.ts';
import { publishConsentTexts } from '../use-cases/publish-consent-texts.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  return { query: programQuery(program.slug), texts: await getConsentTexts(ctx, program.id) };
});

export const action = formAction(async ({ ctx, form, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const { versions } = await publishConsentTexts(ctx, program.id, {
    texts: Object.fromEntries(
      CONSENT_PURPOSES.map((p) => [p, { fr: form[`${p}.fr`] ?? '', en: form[`${p}.en`] ?? '' }]),
    ),
  });
  return { versions };
});

/** Consent texts per purpose: a change publishes a new version; consents already given keep theirs. */
export default function ConsentTexts() {
  const { t } = useTranslation('intake');
  const { texts, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('ui.consent_texts.title')}>{t('ui.consent_texts.title')}</PageTitle>
      <p>
        {t('ui.consent_texts.intro')} <Link to={`/admin/program${query}`}>{t('ui.criteria.back')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {result && 'versions' in result ? (
        <Notice kind="success">
          <p>
            {Object.keys(result.versions).length === 0
              ? t('ui.consent_texts.unchanged')
              : Object.entries(result.versions)
                  .map(([p, v]) =>
                    t('ui.consent_texts.published', { purpose: t(`fields.consents.${p}`), version: v }),
                  )
                  .join(' ')}
          </p>
        </Notice>
      ) : null}
      <PostForm className="stack">
        {texts.map((text) => (
          <fieldset key={text.purpose} className="card">
            <legend>
              {t(`fields.consents.${text.purpose}`)} —{' '}
              {t('ui.consent_texts.version', { version: text.version })}
            </legend>
            <TextArea
              id={`${text.purpose}-fr`}
              name={`${text.purpose}.fr`}
              label={t('ui.consent_texts.french')}
              required
              defaultValue={failed?.values[`${text.purpose}.fr`] ?? text.fr}
              error={errors[`texts.${text.purpose}.fr`]}
            />
            <TextArea
              id={`${text.purpose}-en`}
              name={`${text.purpose}.en`}
              label={t('ui.consent_texts.english')}
              required
              defaultValue={failed?.values[`${text.purpose}.en`] ?? text.en}
              error={errors[`texts.${text.purpose}.en`]}
            />
          </fieldset>
        ))}
        <SubmitButton>{t('ui.consent_texts.publish')}</SubmitButton>
      </PostForm>
    </div>
  );
}
