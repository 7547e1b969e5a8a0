import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { Checkbox, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery, selectProgram } from '../../programs/index.ts';
import { type CriterionForm, EDITABLE_ROWS, toForm } from '../domain/criteria-form.ts';
import { FORMATS } from '../domain/eligibility.ts';
import { FACT_NAMES } from '../domain/facts.ts';
import { getCriteria } from '../use-cases/get-criteria.ts';
import { publishEditedCriteria } from '../use-cases/publish-edited-criteria.ts';

const OPERATORS = ['lte', 'gte', 'between', 'equals', 'in', 'present', 'format'] as const;

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const current = await getCriteria(ctx, program.id);
  return {
    query: programQuery(program.slug),
    version: current.version,
    publishedAt: current.publishedAt ? formatDateTime(current.publishedAt, ctx.locale) : null,
    criteria: current.criteria.map(toForm),
  };
});

function readCriterion(form: Record<string, string>, i: number): CriterionForm {
  const f = (name: string) => form[`c${i}.${name}`] ?? '';
  return {
    id: f('id').trim(),
    labelFr: f('labelFr'),
    labelEn: f('labelEn'),
    join: f('join') === 'any' ? 'any' : 'all',
    rows: Array.from({ length: EDITABLE_ROWS }, (_, j) => ({
      fact: f(`r${j}.fact`),
      op: f(`r${j}.op`),
      value: f(`r${j}.value`),
    })),
    failureFr: f('failureFr'),
    failureEn: f('failureEn'),
    successFr: f('successFr'),
    successEn: f('successEn'),
    locked: f('locked') === 'yes',
  };
}

export const action = formAction(async ({ ctx, form, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const count = formNumber(form.count);
  const edited = [];
  for (let i = 0; typeof count === 'number' && i <= count; i++) {
    const criterion = readCriterion(form, i);
    if (!criterion.id || form[`c${i}.remove`] === 'yes') continue; // the blank "new" block, or a removal
    edited.push(criterion);
  }
  const { version } = await publishEditedCriteria(ctx, program.id, edited);
  return { version };
});

export default function CriteriaEditor() {
  const { t } = useTranslation('intake');
  const { version, publishedAt, criteria, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const blocks = [
    ...criteria,
    toForm({
      id: '',
      label: { fr: '', en: '' },
      test: { op: 'lte', fact: '', value: 0 },
      failure: { fr: '', en: '' },
      success: { fr: '', en: '' },
    }),
  ];
  return (
    <div>
      <PageTitle title={t('ui.criteria.title')}>{t('ui.criteria.title')}</PageTitle>
      <p>
        {t('ui.criteria.current', { version, date: publishedAt ?? '—' })}{' '}
        <Link to={`/admin/program${query}`}>{t('ui.criteria.back')}</Link>
      </p>
      <Notice>
        <p>{t('ui.criteria.intro')}</p>
        <p>{t('ui.criteria.placeholders')}</p>
      </Notice>
      <ErrorSummary error={failed?.error} />
      {result && 'version' in result ? (
        <Notice kind="success">
          <p>{t('ui.criteria.published', { version: result.version })}</p>
        </Notice>
      ) : null}
      <PostForm>
        <input type="hidden" name="count" value={criteria.length} />
        {blocks.map((c, i) => {
          const prefix = `c${i}`;
          const isNew = i === criteria.length;
          return (
            <fieldset key={prefix} className="card">
              <legend>
                {isNew ? t('ui.criteria.new') : t('ui.criteria.criterion', { n: i + 1, label: c.labelFr })}
              </legend>
              {isNew ? (
                <TextField
                  id={`${prefix}-id`}
                  name={`${prefix}.id`}
                  label={t('ui.criteria.id')}
                  hint={t('ui.criteria.id_hint')}
                />
              ) : (
                <input type="hidden" name={`${prefix}.id`} value={c.id} />
              )}
              <TextField
                id={`${prefix}-labelFr`}
                name={`${prefix}.labelFr`}
                label={t('ui.criteria.label_fr')}
                required={!isNew}
                defaultValue={c.labelFr}
              />
              <TextField
                id={`${prefix}-labelEn`}
                name={`${prefix}.labelEn`}
                label={t('ui.criteria.label_en')}
                required={!isNew}
                defaultValue={c.labelEn}
              />
              {c.locked ? (
                <>
                  <input type="hidden" name={`${prefix}.locked`} value="yes" />
                  <p>{t('ui.criteria.locked')}</p>
                </>
              ) : (
                <>
                  <SelectField
                    id={`${prefix}-join`}
                    name={`${prefix}.join`}
                    label={t('ui.criteria.join')}
                    defaultValue={c.join}
                    options={[
                      { value: 'all', label: t('ui.criteria.all') },
                      { value: 'any', label: t('ui.criteria.any') },
                    ]}
                  />
                  {Array.from({ length: EDITABLE_ROWS }, (_, j) => {
                    const row = c.rows[j] ?? { fact: '', op: 'lte', value: '' };
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed number of positional rows.
                      <div key={`${prefix}-r${j}`} className="filters">
                        <SelectField
                          id={`${prefix}-r${j}-fact`}
                          name={`${prefix}.r${j}.fact`}
                          label={t('ui.criteria.fact', { n: j + 1 })}
                          defaultValue={row.fact}
                          options={[
                            { value: '', label: t('ui.criteria.no_condition') },
                            ...FACT_NAMES.map((f) => ({ value: f, label: t(`ui.facts.${f}`) })),
                          ]}
                        />
                        <SelectField
                          id={`${prefix}-r${j}-op`}
                          name={`${prefix}.r${j}.op`}
                          label={t('ui.criteria.operator', { n: j + 1 })}
                          defaultValue={row.op}
                          options={OPERATORS.map((o) => ({ value: o, label: t(`ui.operators.${o}`) }))}
                        />
                        <TextField
                          id={`${prefix}-r${j}-value`}
                          name={`${prefix}.r${j}.value`}
                          label={t('ui.criteria.value', { n: j + 1 })}
                          hint={
                            j === 0 ? t('ui.criteria.value_hint', { formats: FORMATS.join(', ') }) : undefined
                          }
                          defaultValue={row.value}
                        />
                      </div>
                    );
                  })}
                </>
              )}
              <TextArea
                id={`${prefix}-failureFr`}
                name={`${prefix}.failureFr`}
                label={t('ui.criteria.failure_fr')}
                rows={2}
                required={!isNew}
                defaultValue={c.failureFr}
              />
              <TextArea
                id={`${prefix}-failureEn`}
                name={`${prefix}.failureEn`}
                label={t('ui.criteria.failure_en')}
                rows={2}
                required={!isNew}
                defaultValue={c.failureEn}
              />
              <TextArea
                id={`${prefix}-successFr`}
                name={`${prefix}.successFr`}
                label={t('ui.criteria.success_fr')}
                rows={2}
                required={!isNew}
                defaultValue={c.successFr}
              />
              <TextArea
                id={`${prefix}-successEn`}
                name={`${prefix}.successEn`}
                label={t('ui.criteria.success_en')}
                rows={2}
                required={!isNew}
                defaultValue={c.successEn}
              />
              {isNew ? null : (
                <Checkbox
                  id={`${prefix}-remove`}
                  name={`${prefix}.remove`}
                  value="yes"
                  label={t('ui.criteria.remove')}
                />
              )}
            </fieldset>
          );
        })}
        <SubmitButton>{t('ui.criteria.publish')}</SubmitButton>
      </PostForm>
    </div>
  );
}
