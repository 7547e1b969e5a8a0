import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram, programQuery } from '../../programs/index.ts';
import { getQuestionnaireContent } from '../use-cases/get-questionnaire-content.ts';
import { saveQuestionnaireDraft } from '../use-cases/save-questionnaire-draft.ts';
import { applyFormEdits, withPlainPaths } from './admin-editing.server.ts';
import { DiagnosticAdminLinks, VersionState } from './admin-shared.tsx';

/** The part of the document on the page: a dimension (1…n), or the maturity levels (n + 1). */
function partOf(asked: string | null, dimensions: number): number {
  const n = Number(asked);
  return Number.isInteger(n) && n >= 1 && n <= dimensions + 1 ? n : 1;
}

export const loader = pageLoader(async ({ ctx, params, request }) => {
  authorize(ctx.actor, 'questionnaire.manage');
  const q = await getQuestionnaireContent(ctx, params.id ?? '');
  const url = new URL(request.url);
  const { dimensions, levels } = q.content;
  const part = partOf(url.searchParams.get('part'), dimensions.length);
  const number = (value: number | undefined) => (value === undefined ? '' : formatNumber(value, ctx.locale));
  const dimension = part <= dimensions.length ? dimensions[part - 1]! : null;
  return {
    // The versions page of this questionnaire's program.
    program: (await getProgram(ctx, q.programId)).slug,
    id: q.id,
    version: q.version,
    status: q.status,
    current: q.current,
    part,
    parts: dimensions.map((d) => d.label[ctx.locale]),
    dimension: dimension
      ? {
          index: part - 1,
          id: dimension.id,
          label: dimension.label,
          description: dimension.description,
          weight: number(dimension.weight),
          questions: dimension.questions.map((question) => ({
            id: question.id,
            label: question.label,
            help: question.help ?? { fr: '', en: '' },
            weight: number(question.weight),
            choices: question.choices.map((c) => ({ id: c.id, label: c.label, score: number(c.score) })),
          })),
        }
      : null,
    levels: levels.map((l) => ({
      id: l.id,
      min: number(l.min),
      label: l.label,
      description: l.description,
    })),
    created: url.searchParams.get('created'),
    saved: url.searchParams.get('saved'),
  };
});

export const action = formAction(async ({ ctx, params, form }) => {
  authorize(ctx.actor, 'questionnaire.manage');
  const q = await getQuestionnaireContent(ctx, params.id ?? '');
  if (q.status !== 'draft') throw new AppError('conflict', { key: 'diagnostic:admin.edit.read_only_error' });
  const part = partOf(form.part ?? null, q.content.dimensions.length);
  const document = applyFormEdits(q.content, form);
  const saved = await withPlainPaths(ctx, document, () =>
    saveQuestionnaireDraft(ctx, { programId: q.programId, content: document }),
  );
  return redirect(`/admin/diagnostic/questionnaires/${saved.id}/edit?part=${part}&saved=${saved.version}`);
});

type Pair = { fr: string; en: string };

/** A text in both languages, French first, side by side where the screen allows. */
function BilingualFields({
  name,
  labels,
  value,
  errors,
  values,
  multiline,
  required = true,
}: {
  name: string;
  labels: Pair;
  value: Pair;
  errors: Record<string, string>;
  values: Record<string, string> | undefined;
  multiline?: boolean;
  required?: boolean;
}) {
  return (
    <div className="admin-pair">
      {(['fr', 'en'] as const).map((l) => {
        const field = `${name}.${l}`;
        const props = {
          name: field,
          label: labels[l],
          required,
          defaultValue: values?.[field] ?? value[l],
          error: errors[field],
        };
        return multiline ? <TextArea key={l} rows={3} {...props} /> : <TextField key={l} {...props} />;
      })}
    </div>
  );
}

export default function QuestionnaireForm() {
  const { t } = useTranslation('diagnostic');
  const { id, version, status, current, part, parts, dimension, levels, created, saved, program } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const values = failed?.values;
  const title = t('admin.edit.title', { version });
  const base = `/admin/diagnostic/questionnaires/${id}`;
  const labels = (kind: 'label' | 'help' | 'description'): Pair => ({
    fr: t(`admin.edit.${kind}_fr`),
    en: t(`admin.edit.${kind}_en`),
  });
  const partLabels = [...parts, t('admin.edit.levels')];
  return (
    <div className="admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <DiagnosticAdminLinks here="other" />
      <p>
        <VersionState status={status} current={current} />
      </p>
      <ul className="actions admin-links">
        <li>
          <Link to={`${base}?part=${part}`}>{t('admin.edit.preview')}</Link>
        </li>
        {status === 'draft' ? (
          <>
            <li>
              <Link to={`${base}/json`}>{t('admin.edit.json')}</Link>
            </li>
            <li>
              <Link to={`/admin/diagnostic${programQuery(program, { publish: id })}#confirm`}>
                {t('admin.edit.publish')}
              </Link>
            </li>
          </>
        ) : null}
      </ul>
      {created ? (
        <Notice kind="success">
          <p>{t('admin.edit.created', { version: created })}</p>
        </Notice>
      ) : null}
      {saved ? (
        <Notice kind="success">
          <p>{t('admin.edit.saved', { version: saved })}</p>
        </Notice>
      ) : null}
      {status !== 'draft' ? (
        <Notice kind="warning">
          <p>{t('admin.edit.read_only')}</p>
          <p>
            <Link to={`/admin/diagnostic${programQuery(program)}`}>{t('admin.edit.to_versions')}</Link>
          </p>
        </Notice>
      ) : (
        <>
          <p>{t('admin.edit.intro')}</p>
          <nav aria-label={t('admin.edit.parts')}>
            <ol className="steps">
              {partLabels.map((label, i) => (
                <li key={label} aria-current={i + 1 === part ? 'step' : undefined}>
                  {i + 1 === part ? label : <Link to={`${base}/edit?part=${i + 1}`}>{label}</Link>}
                </li>
              ))}
            </ol>
          </nav>
          <ErrorSummary error={failed?.error} />
          <PostForm action={`${base}/edit?part=${part}`}>
            <input type="hidden" name="part" value={part} />
            {dimension ? (
              <>
                <h2>{t('admin.edit.dimension', { n: part, label: partLabels[part - 1] })}</h2>
                <fieldset className="card">
                  <legend>{t('admin.edit.dimension_fields', { id: dimension.id })}</legend>
                  <BilingualFields
                    name={`content.dimensions.${dimension.index}.label`}
                    labels={labels('label')}
                    value={dimension.label}
                    errors={errors}
                    values={values}
                  />
                  <BilingualFields
                    name={`content.dimensions.${dimension.index}.description`}
                    labels={labels('description')}
                    value={dimension.description}
                    errors={errors}
                    values={values}
                    multiline
                  />
                  <TextField
                    name={`content.dimensions.${dimension.index}.weight`}
                    label={t('admin.edit.dimension_weight')}
                    hint={t('admin.edit.dimension_weight_hint')}
                    inputMode="decimal"
                    required
                    defaultValue={
                      values?.[`content.dimensions.${dimension.index}.weight`] ?? dimension.weight
                    }
                    error={errors[`content.dimensions.${dimension.index}.weight`]}
                  />
                </fieldset>
                {dimension.questions.map((q, qi) => {
                  const name = `content.dimensions.${dimension.index}.questions.${qi}`;
                  return (
                    <fieldset key={q.id} className="card">
                      <legend>{t('admin.edit.question', { n: qi + 1, id: q.id })}</legend>
                      <BilingualFields
                        name={`${name}.label`}
                        labels={labels('label')}
                        value={q.label}
                        errors={errors}
                        values={values}
                        multiline
                      />
                      <BilingualFields
                        name={`${name}.help`}
                        labels={labels('help')}
                        value={q.help}
                        errors={errors}
                        values={values}
                        multiline
                        required={false}
                      />
                      <TextField
                        name={`${name}.weight`}
                        label={t('admin.edit.question_weight')}
                        hint={t('admin.edit.question_weight_hint')}
                        inputMode="decimal"
                        defaultValue={values?.[`${name}.weight`] ?? q.weight}
                        error={errors[`${name}.weight`]}
                      />
                      {q.choices.map((c, ci) => {
                        const choice = `${name}.choices.${ci}`;
                        return (
                          <fieldset key={c.id} className="admin-choice">
                            <legend>{t('admin.edit.choice', { n: ci + 1, id: c.id })}</legend>
                            <div className="admin-choice-fields">
                              <BilingualFields
                                name={`${choice}.label`}
                                labels={labels('label')}
                                value={c.label}
                                errors={errors}
                                values={values}
                              />
                              <TextField
                                name={`${choice}.score`}
                                label={t('admin.edit.score')}
                                hint={t('admin.edit.score_hint')}
                                inputMode="decimal"
                                required
                                defaultValue={values?.[`${choice}.score`] ?? c.score}
                                error={errors[`${choice}.score`]}
                              />
                            </div>
                          </fieldset>
                        );
                      })}
                    </fieldset>
                  );
                })}
              </>
            ) : (
              <>
                <h2>{t('admin.edit.levels')}</h2>
                <p>{t('admin.edit.levels_intro')}</p>
                {levels.map((l, li) => {
                  const name = `content.levels.${li}`;
                  return (
                    <fieldset key={l.id} className="card">
                      <legend>{t('admin.edit.level', { n: li + 1, id: l.id })}</legend>
                      <TextField
                        name={`${name}.min`}
                        label={t('admin.edit.level_min')}
                        hint={t('admin.edit.level_min_hint')}
                        inputMode="decimal"
                        required
                        defaultValue={values?.[`${name}.min`] ?? l.min}
                        error={errors[`${name}.min`]}
                      />
                      <BilingualFields
                        name={`${name}.label`}
                        labels={labels('label')}
                        value={l.label}
                        errors={errors}
                        values={values}
                      />
                      <BilingualFields
                        name={`${name}.description`}
                        labels={labels('description')}
                        value={l.description}
                        errors={errors}
                        values={values}
                        multiline
                      />
                    </fieldset>
                  );
                })}
              </>
            )}
            <p className="hint">{t('admin.edit.save_hint')}</p>
            <SubmitButton>{t('admin.edit.save')}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}
