import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { formatMoney } from '../../../kernel/format.ts';
import { allowedBy } from '../../../platform/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { Chart } from '../../../platform/ui/chart.tsx';
import { dollarsForInput, readDollars } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { listPrograms } from '../../programs/index.ts';
import { ENVELOPE_KINDS } from '../domain/budget.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { getBudget } from '../use-cases/get-budget.ts';
import { setBudget } from '../use-cases/set-budget.ts';
import { budgetChartSvg } from './budget-chart.server.ts';

const FIGURES = ['budget', 'committed', 'payable', 'paid', 'available'] as const;
async function theProgram(ctx: Parameters<typeof listPrograms>[0]) {
  const [program] = await listPrograms(ctx);
  if (!program) throw new AppError('not_found');
  return program;
}

export const loader = pageLoader(async ({ ctx }) => {
  const program = await theProgram(ctx);
  const budget = await getBudget(ctx, program.id, {});
  const rows = budget.envelopes.flatMap((e) =>
    e.years.map((y) => ({
      key: `${e.key}/${y.fiscalYear}`,
      envelopeKey: e.key,
      envelope: e.name,
      fiscalYear: y.fiscalYear,
      cents: Object.fromEntries(FIGURES.map((f) => [f, y[`${f}Cents`]])) as Record<
        (typeof FIGURES)[number],
        number
      >,
      money: Object.fromEntries(FIGURES.map((f) => [f, formatMoney(y[`${f}Cents`], ctx.locale, true)])),
    })),
  );
  return {
    canConfigure: allowedBy(fundingPolicies)(ctx.actor, 'budget.configure'),
    rows,
    chart: rows.length === 0 ? null : await budgetChartSvg(rows, ctx),
    envelopes: budget.envelopes.map((e) => ({
      key: e.key,
      nameFr: e.nameFr,
      nameEn: e.nameEn,
      kind: e.kind,
      hourlyRate: e.hourlyRateCents === null ? '' : dollarsForInput(e.hourlyRateCents, ctx.locale),
    })),
  };
});

/** The form's inputs, by the paths the use case names in its errors. */
const NAMES = {
  'envelopes.0.key': 'key',
  'envelopes.0.nameFr': 'nameFr',
  'envelopes.0.nameEn': 'nameEn',
  'envelopes.0.kind': 'kind',
  'envelopes.0.hourlyRateCents': 'hourlyRate',
  'envelopes.0.budgets.0.fiscalYear': 'fiscalYear',
  'envelopes.0.budgets.0.amountCents': 'amount',
};

export const action = formAction(async ({ ctx, form }) => {
  const program = await theProgram(ctx);
  const hourlyRate = readDollars(form.hourlyRate);
  await withFieldNames(NAMES, () =>
    setBudget(ctx, program.id, {
      envelopes: [
        {
          key: form.key,
          nameFr: form.nameFr,
          nameEn: form.nameEn,
          kind: form.kind,
          ...(hourlyRate === undefined ? {} : { hourlyRateCents: hourlyRate }),
          budgets: [{ fiscalYear: form.fiscalYear, amountCents: readDollars(form.amount) }],
        },
      ],
    }),
  );
  return { saved: true as const };
});

export default function BudgetPage() {
  const { t } = useTranslation('funding');
  const { rows, chart, envelopes, canConfigure } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const v = (name: string, fallback = '') => failed?.values[name] ?? fallback;
  return (
    <div>
      <PageTitle title={t('budget.title')}>{t('budget.title')}</PageTitle>
      <p>{t('budget.intro')}</p>
      {chart === null ? (
        <p>{t('budget.none')}</p>
      ) : (
        <>
          <Chart svg={chart} />
          <TableWrap label={t('budget.table')}>
            <table className="data stacked">
              <caption>{t('budget.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.envelope')}</th>
                  <th scope="col">{t('fields.fiscalYear')}</th>
                  {FIGURES.map((f) => (
                    <th scope="col" key={f} className="numeric">
                      {t(`budget.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" data-label={t('fields.envelope')}>
                      {row.envelope}
                    </th>
                    <td data-label={t('fields.fiscalYear')}>{row.fiscalYear}</td>
                    {FIGURES.map((f) => (
                      <td key={f} data-label={t(`budget.${f}`)} className="numeric">
                        {row.money[f]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {canConfigure ? (
        <section aria-labelledby="budget-form-title">
          <h2 id="budget-form-title">{t('budget.form_title')}</h2>
          <p>{t('budget.form_intro')}</p>
          <ErrorSummary error={failed?.error} />
          {result && 'saved' in result ? (
            <Notice kind="success">
              <p>{t('budget.saved')}</p>
            </Notice>
          ) : null}
          <PostForm className="stack">
            <TextField
              name="key"
              label={t('fields.key')}
              hint={t('budget.key_hint', { keys: envelopes.map((e) => e.key).join(', ') || '—' })}
              required
              defaultValue={v('key')}
              error={errors.key}
            />
            <TextField
              name="nameFr"
              label={t('fields.nameFr')}
              required
              defaultValue={v('nameFr')}
              error={errors.nameFr}
            />
            <TextField
              name="nameEn"
              label={t('fields.nameEn')}
              required
              defaultValue={v('nameEn')}
              error={errors.nameEn}
            />
            <SelectField
              name="kind"
              label={t('fields.kind')}
              options={ENVELOPE_KINDS.map((k) => ({ value: k, label: t(`envelopeKinds.${k}`) }))}
              defaultValue={v('kind', 'grants')}
              error={errors.kind}
            />
            <TextField
              name="hourlyRate"
              label={t('fields.hourlyRate')}
              hint={t('budget.rate_hint')}
              inputMode="decimal"
              defaultValue={v('hourlyRate')}
              error={errors.hourlyRate}
            />
            <TextField
              name="fiscalYear"
              label={t('fields.fiscalYear')}
              hint={t('budget.year_hint')}
              required
              defaultValue={v('fiscalYear')}
              error={errors.fiscalYear}
            />
            <TextField
              name="amount"
              label={t('fields.amount')}
              required
              inputMode="decimal"
              defaultValue={v('amount')}
              error={errors.amount}
            />
            <SubmitButton>{t('budget.save')}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}
