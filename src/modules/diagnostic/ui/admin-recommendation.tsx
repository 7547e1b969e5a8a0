import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatMoney } from '../../../kernel/format.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { Checkbox, TextArea } from '../../../platform/ui/choices.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery } from '../../programs/index.ts';
import { EFFORTS } from '../domain/recommendations.ts';
import { getCurrentQuestionnaire } from '../use-cases/get-current-questionnaire.ts';
import { listRecommendations } from '../use-cases/list-recommendations.ts';
import { saveRecommendation } from '../use-cases/save-recommendation.ts';
import {
  dollarsForInput,
  programFor,
  readDollars,
  readNumber,
  translator,
  withFormLabels,
} from './admin-editing.server.ts';
import { DiagnosticAdminLinks } from './admin-shared.tsx';

/** The recommendation of the page (an id), or none for a new one (`new`); another id is not found. */
async function recommendationOf(
  ctx: Parameters<typeof listRecommendations>[0],
  programId: string,
  id: string,
) {
  const { items } = await listRecommendations(ctx, { programId });
  if (id === 'new') return { items, existing: undefined };
  const existing = items.find((r) => r.id === id);
  if (!existing) throw new AppError('not_found');
  return { items, existing };
}

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const program = await programFor(ctx, 'recommendation.manage', request);
  const [{ existing }, questionnaire] = await Promise.all([
    recommendationOf(ctx, program.id, params.id ?? ''),
    getCurrentQuestionnaire(ctx, { programId: program.id }),
  ]);
  const dimensions = questionnaire.dimensions.map((d) => ({ value: d.id, label: d.label }));
  if (existing && !dimensions.some((d) => d.value === existing.dimensionId))
    dimensions.push({ value: existing.dimensionId, label: existing.dimensionId });
  return {
    program: program.slug,
    isNew: !existing,
    dimensions,
    recommendation: {
      key: existing?.key ?? '',
      dimensionId: existing?.dimensionId ?? '',
      minScore: existing ? String(existing.minScore) : '',
      maxScore: existing ? String(existing.maxScore) : '',
      titleFr: existing?.titleFr ?? '',
      titleEn: existing?.titleEn ?? '',
      textFr: existing?.textFr ?? '',
      textEn: existing?.textEn ?? '',
      costMin: existing ? dollarsForInput(existing.costMin, ctx.locale) : '',
      costMax: existing ? dollarsForInput(existing.costMax, ctx.locale) : '',
      effort: existing?.effort ?? '',
      priority: String(existing?.priority ?? 5),
      active: existing?.active ?? true,
    },
  };
});

export const action = formAction(async ({ ctx, params, form, request }) => {
  const program = await programFor(ctx, 'recommendation.manage', request);
  const { items, existing } = await recommendationOf(ctx, program.id, params.id ?? '');
  // The key names the recommendation: a new one may not take the key of another (it would replace it).
  const key = existing?.key ?? (form.key ?? '').trim();
  if (!existing && items.some((r) => r.key === key))
    throw fieldError('key', 'diagnostic:admin.recommendation.key_taken');
  const dollars = (value: unknown) =>
    typeof value === 'string' && /^\d+$/.test(value) ? formatMoney(Number(value), ctx.locale) : String(value);
  const { id } = await withFormLabels(
    ctx,
    {
      costMin: { label: translator(ctx)('diagnostic:admin.recommendation.cost_min'), bound: dollars },
      costMax: { label: translator(ctx)('diagnostic:admin.recommendation.cost_max'), bound: dollars },
    },
    () =>
      saveRecommendation(ctx, {
        programId: program.id,
        key,
        dimensionId: form.dimensionId ?? '',
        minScore: readNumber(form.minScore),
        maxScore: readNumber(form.maxScore),
        titleFr: form.titleFr ?? '',
        titleEn: form.titleEn ?? '',
        textFr: form.textFr ?? '',
        textEn: form.textEn ?? '',
        costMin: readDollars(form.costMin),
        costMax: readDollars(form.costMax),
        effort: form.effort ?? '',
        priority: readNumber(form.priority),
        active: form.active === 'yes',
      }),
  );
  return redirect(`/admin/diagnostic/recommendations${programQuery(program.slug, { saved: id })}`);
});

export default function RecommendationForm() {
  const { t } = useTranslation('diagnostic');
  const { isNew, dimensions, recommendation: r, program } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const v = (name: keyof typeof r) => failed?.values[name] ?? String(r[name]);
  const title = isNew
    ? t('admin.recommendation.new_title')
    : t('admin.recommendation.edit_title', { key: r.key });
  return (
    <div className="admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <DiagnosticAdminLinks here="other" />
      <p>
        <Link to={`/admin/diagnostic/recommendations${programQuery(program)}`}>
          {t('admin.recommendation.back')}
        </Link>
      </p>
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack admin-recommendation">
        {isNew ? (
          <TextField
            name="key"
            label={t('admin.recommendation.key')}
            hint={t('admin.recommendation.key_hint')}
            required
            defaultValue={v('key')}
            error={errors.key}
          />
        ) : (
          <p>
            {t('admin.recommendation.key_fixed')} <code>{r.key}</code>
          </p>
        )}
        <SelectField
          name="dimensionId"
          label={t('admin.recommendation.dimension')}
          required
          defaultValue={v('dimensionId')}
          error={errors.dimensionId}
          options={[{ value: '', label: t('admin.recommendation.choose') }, ...dimensions]}
        />
        <fieldset className="field">
          <legend>{t('admin.recommendation.scores')}</legend>
          <p className="hint">{t('admin.recommendation.scores_hint')}</p>
          <div className="admin-range">
            <TextField
              name="minScore"
              label={t('admin.recommendation.min_score')}
              inputMode="numeric"
              required
              defaultValue={v('minScore')}
              error={errors.minScore}
            />
            <TextField
              name="maxScore"
              label={t('admin.recommendation.max_score')}
              inputMode="numeric"
              required
              defaultValue={v('maxScore')}
              error={errors.maxScore}
            />
          </div>
        </fieldset>
        <TextField
          name="titleFr"
          label={t('admin.recommendation.title_fr')}
          required
          defaultValue={v('titleFr')}
          error={errors.titleFr}
        />
        <TextField
          name="titleEn"
          label={t('admin.recommendation.title_en')}
          required
          defaultValue={v('titleEn')}
          error={errors.titleEn}
        />
        <TextArea
          name="textFr"
          label={t('admin.recommendation.text_fr')}
          hint={t('admin.recommendation.text_hint')}
          required
          defaultValue={v('textFr')}
          error={errors.textFr}
        />
        <TextArea
          name="textEn"
          label={t('admin.recommendation.text_en')}
          required
          defaultValue={v('textEn')}
          error={errors.textEn}
        />
        <fieldset className="field">
          <legend>{t('admin.recommendation.cost')}</legend>
          <p className="hint">{t('admin.recommendation.cost_hint')}</p>
          <div className="admin-range">
            <TextField
              name="costMin"
              label={t('admin.recommendation.cost_min')}
              inputMode="decimal"
              required
              defaultValue={v('costMin')}
              error={errors.costMin}
            />
            <TextField
              name="costMax"
              label={t('admin.recommendation.cost_max')}
              inputMode="decimal"
              required
              defaultValue={v('costMax')}
              error={errors.costMax}
            />
          </div>
        </fieldset>
        <SelectField
          name="effort"
          label={t('admin.recommendation.effort')}
          required
          defaultValue={v('effort')}
          error={errors.effort}
          options={[
            { value: '', label: t('admin.recommendation.choose') },
            ...EFFORTS.map((e) => ({ value: e, label: t(`admin.effort.${e}`) })),
          ]}
        />
        <SelectField
          name="priority"
          label={t('admin.recommendation.priority')}
          hint={t('admin.recommendation.priority_hint')}
          required
          defaultValue={v('priority')}
          error={errors.priority}
          options={Array.from({ length: 10 }, (_, i) => ({ value: String(10 - i), label: String(10 - i) }))}
        />
        <Checkbox
          name="active"
          value="yes"
          label={t('admin.recommendation.active')}
          hint={t('admin.recommendation.active_hint')}
          defaultChecked={failed ? failed.values.active === 'yes' : r.active}
          error={errors.active}
        />
        <SubmitButton>{t('admin.recommendation.save')}</SubmitButton>
      </PostForm>
    </div>
  );
}
