import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { AppError } from '../../../platform/errors.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { getApplication } from '../../intake/index.ts';
import { listAgreements } from '../use-cases/list-agreements.ts';
import { prepareAgreement } from '../use-cases/prepare-agreement.ts';
import { blankLine, rowsAfterEdit, rowsToShow, termsOfForm } from './agreement-lines.ts';
import { TermsFields } from './agreement-parts.tsx';

/** Agreements that still hold or may hold money: the file's agreement page goes to it rather than a new one. */
const LIVE = ['draft', 'offered', 'accepted', 'amendment_requested'];

export const loader = pageLoader(async ({ ctx, params }) => {
  const id = params.id ?? '';
  const detail = await getApplication(ctx, id);
  if (detail.access !== 'full') throw new AppError('not_found');
  const live = (await listAgreements(ctx, { applicationId: id })).find((a) => LIVE.includes(a.status));
  if (live) throw redirect(`/agreements/${live.id}`);
  const b = detail.application.business;
  return { id, business: b.tradeName || b.legalName || '—' };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const rows = rowsAfterEdit(form);
  if (rows) return { rows, values: form };
  const { terms, names } = termsOfForm(form);
  const prepared = await withFieldNames(names, () =>
    prepareAgreement(ctx, {
      applicationId: params.id ?? '',
      ...(form.fiscalYear?.trim() ? { fiscalYear: form.fiscalYear.trim() } : {}),
      ...terms,
    }),
  );
  return redirect(`/agreements/${prepared.id}?prepared`);
});

/** The coordinator prepares a business's grant agreement from its approved action plan. */
export default function NewAgreement() {
  const { t } = useTranslation('funding');
  const { id, business } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const shown = rowsToShow(result, { rows: [blankLine()], values: {} });
  return (
    <div>
      <PageTitle title={t('agreements.pages.prepare.title', { business })}>
        {t('agreements.pages.prepare.title', { business })}
      </PageTitle>
      <p>
        {t('agreements.pages.prepare.intro')}{' '}
        <Link to={`/applications/${id}/plan`}>{t('agreements.pages.prepare.plan_link')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      <PostForm key={JSON.stringify(shown)}>
        <TermsFields rows={shown.rows} values={shown.values} errors={errors} saveIntent="save" />
        <TextField
          name="fiscalYear"
          label={t('fields.fiscalYear')}
          hint={t('agreements.pages.prepare.fiscal_year_hint')}
          defaultValue={shown.values.fiscalYear ?? ''}
          error={errors.fiscalYear}
        />
        <SubmitButton name="intent" value="save">
          {t('agreements.pages.prepare.submit')}
        </SubmitButton>
      </PostForm>
    </div>
  );
}
