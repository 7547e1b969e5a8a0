import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery, selectProgram } from '../../programs/index.ts';
import { getDisclosureRules } from '../use-cases/get-disclosure-rules.ts';
import { setDisclosureRules } from '../use-cases/set-disclosure-rules.ts';

/** A share as the reader types it: `0,85` in French, `0.85` in English. */
const shareText = (share: number, locale: string) =>
  locale === 'fr' ? String(share).replace('.', ',') : String(share);

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const rules = await getDisclosureRules(ctx, program.id);
  return {
    query: programQuery(program.slug),
    programName: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
    version: rules.version,
    minCount: String(rules.minCount),
    dominance: shareText(rules.dominance, ctx.locale),
    updatedAt: rules.updatedAt ? formatDateTime(rules.updatedAt, ctx.locale) : null,
  };
});

export const action = formAction(async ({ ctx, form, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  await setDisclosureRules(ctx, program.id, {
    minCount: formNumber(form.minCount),
    dominance: formNumber(form.dominance, { decimals: true }),
  });
  return { saved: true as const };
});

/**
 * A program's disclosure rules (decision 30): the smallest count published and the share above which
 * one business dominates a sum. Administrators change them; reports already produced keep theirs.
 */
export default function DisclosureRules() {
  const { t } = useTranslation('reporting');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const title = t('rules_page.title');
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        {t('rules_page.intro', { program: data.programName, version: data.version })}{' '}
        <Link to={`/admin/program${data.query}`}>{t('rules_page.back')}</Link>
      </p>
      <p>{data.updatedAt ? t('rules_page.updated', { when: data.updatedAt }) : t('rules_page.defaults')}</p>
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t('rules_page.saved')}</p>
        </Notice>
      ) : null}
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack">
        <TextField
          name="minCount"
          inputMode="numeric"
          label={t('rules_page.min_count')}
          hint={t('rules_page.min_count_hint')}
          required
          defaultValue={failed?.values.minCount ?? data.minCount}
          error={errors.minCount}
        />
        <TextField
          name="dominance"
          inputMode="decimal"
          label={t('rules_page.dominance')}
          hint={t('rules_page.dominance_hint')}
          required
          defaultValue={failed?.values.dominance ?? data.dominance}
          error={errors.dominance}
        />
        <SubmitButton>{t('rules_page.save')}</SubmitButton>
      </PostForm>
    </div>
  );
}
