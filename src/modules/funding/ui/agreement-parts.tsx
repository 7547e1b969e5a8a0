import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../platform/ui/choices.tsx';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { SelectField, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { COST_CATEGORIES } from '../domain/cost-categories.ts';
import type { LineRow } from './agreement-lines.ts';
import type { ShownAgreement } from './agreement-shown.ts';

/** The grant, what it was computed on, and the arithmetic in words. */
export function GrantSection({ agreement }: { agreement: ShownAgreement }) {
  const { t } = useTranslation('funding');
  return (
    <section aria-labelledby="grant-title" className="card">
      <h2 id="grant-title">{t('agreements.pages.grant_title')}</h2>
      <div className="figures">
        <p className="figure">
          <strong>{agreement.grant}</strong>
          {t('agreements.pages.grant')}
        </p>
        <p className="figure">
          <strong>{agreement.eligible}</strong>
          {t('agreements.pages.eligible')}
        </p>
      </div>
      <h3>{t('agreements.pages.arithmetic')}</h3>
      <ol className="bullets">
        {agreement.arithmetic.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}

/** The budget lines, as a table that turns into cards on a phone. */
export function LinesTable({ lines }: { lines: ShownAgreement['lines'] }) {
  const { t } = useTranslation('funding');
  const columns = [
    t('fields.category'),
    t('fields.description'),
    t('fields.amountCents'),
    t('fields.plannedSupplier'),
    t('fields.quotation'),
  ];
  return (
    <DataTable caption={t('fields.lines')} className="stacked" columns={columns}>
      {lines.map((l) => (
        <tr key={l.id}>
          <td data-label={columns[0]}>{t(`categories.${l.category}`)}</td>
          <td data-label={columns[1]}>{l.description}</td>
          <td data-label={columns[2]} className="numeric">
            {l.amount}
          </td>
          <td data-label={columns[3]}>{l.plannedSupplier || '—'}</td>
          <td data-label={columns[4]}>{l.quotation || '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Claimed, paid and left on the agreement, and the days that matter. */
export function MoneyAndDays({ agreement }: { agreement: ShownAgreement }) {
  const { t } = useTranslation('funding');
  const days = [
    ['accept_by', agreement.acceptBy],
    [
      'project_window',
      t('agreements.pages.from_to', { from: agreement.projectStartsOn, to: agreement.projectEndsOn }),
    ],
    ['claim_deadline', agreement.claimDeadline],
  ] as const;
  return (
    <section aria-labelledby="money-title">
      <h2 id="money-title">{t('agreements.pages.money_title')}</h2>
      <div className="figures">
        {(['claimed', 'paid', 'left'] as const).map((f) => (
          <p key={f} className="figure">
            <strong>{agreement[f]}</strong>
            {t(`agreements.pages.${f}`)}
          </p>
        ))}
      </div>
      <dl className="facts">
        {days.map(([key, value]) =>
          value ? (
            <div key={key}>
              <dt>{t(`agreements.pages.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
        <div>
          <dt>{t('fields.costsFrom')}</dt>
          <dd>{t(`agreements.pages.costs_from.${agreement.costsFrom}`)}</dd>
        </div>
        <div>
          <dt>{t('fields.minimumUseDays')}</dt>
          <dd>{t('agreements.pages.days', { count: agreement.minimumUseDays })}</dd>
        </div>
      </dl>
    </section>
  );
}

/** What happened to the agreement, oldest first. */
export function AgreementHistory({ history }: { history: ShownAgreement['history'] }) {
  const { t } = useTranslation('funding');
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('agreements.pages.history')}</h2>
      {history.length === 0 ? (
        <p>{t('agreements.pages.no_history')}</p>
      ) : (
        <ol className="bullets">
          {history.map((e) => (
            <li key={e.key}>
              {e.at} —{' '}
              {e.detail
                ? t('agreements.pages.event_with_detail', {
                    event: t(`agreements.pages.event.${e.event}`),
                    detail: e.detail,
                  })
                : t(`agreements.pages.event.${e.event}`)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The budget lines as form rows: one group per line, a button to remove it and one to add a line.
 * A hidden first button makes the Enter key save rather than remove the first line.
 */
export function LinesEditor({
  rows,
  errors,
  saveIntent,
}: {
  rows: LineRow[];
  errors: Record<string, string>;
  saveIntent: string;
}) {
  const { t } = useTranslation('funding');
  const categories = [
    { value: '', label: t('agreements.pages.choose_category') },
    ...COST_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
  ];
  return (
    <>
      <button type="submit" name="intent" value={saveIntent} hidden>
        {t('agreements.pages.save')}
      </button>
      <input type="hidden" name="lineCount" value={rows.length} />
      {rows.map((row, i) => {
        const name = (field: string) => `lines.${i}.${field}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional, as their input names are.
          <fieldset key={i} className="card">
            <legend>{t('agreements.pages.line_n', { n: i + 1 })}</legend>
            <input type="hidden" name={name('id')} value={row.id} />
            <SelectField
              name={name('category')}
              label={t('fields.category')}
              required
              options={categories}
              defaultValue={row.category}
              error={errors[name('category')]}
            />
            <TextField
              name={name('description')}
              label={t('fields.description')}
              required
              defaultValue={row.description}
              error={errors[name('description')]}
            />
            <TextField
              name={name('amount')}
              label={t('agreements.pages.amount_dollars')}
              hint={t('agreements.pages.amount_hint')}
              required
              inputMode="decimal"
              defaultValue={row.amount}
              error={errors[name('amount')]}
            />
            <TextField
              name={name('plannedSupplier')}
              label={t('fields.plannedSupplier')}
              defaultValue={row.plannedSupplier}
              error={errors[name('plannedSupplier')]}
            />
            <TextField
              name={name('quotation')}
              label={t('fields.quotation')}
              defaultValue={row.quotation}
              error={errors[name('quotation')]}
            />
            <SubmitButton name="intent" value={`remove_line:${i}`} variant="secondary">
              {t('agreements.pages.remove_line', { n: i + 1 })}
            </SubmitButton>
          </fieldset>
        );
      })}
      <p>
        <SubmitButton name="intent" value="add_line" variant="secondary">
          {t('agreements.pages.add_line')}
        </SubmitButton>
      </p>
    </>
  );
}

/** The terms of a draft: its lines, other public aid declared, and the business's tax registration. */
export function TermsFields({
  rows,
  values,
  errors,
  saveIntent,
}: {
  rows: LineRow[];
  values: Record<string, string>;
  errors: Record<string, string>;
  saveIntent: string;
}) {
  const { t } = useTranslation('funding');
  return (
    <>
      <LinesEditor rows={rows} errors={errors} saveIntent={saveIntent} />
      <TextField
        name="otherPublicAid"
        label={t('fields.otherPublicAidCents')}
        hint={t('agreements.pages.other_aid_hint')}
        inputMode="decimal"
        defaultValue={values.otherPublicAid ?? ''}
        error={errors.otherPublicAid}
      />
      <Checkbox
        name="gstRegistered"
        value="yes"
        label={t('agreements.pages.gst_registered')}
        defaultChecked={values.gstRegistered === 'yes'}
        error={errors.gstRegistered}
      />
      <Checkbox
        name="qstRegistered"
        value="yes"
        label={t('agreements.pages.qst_registered')}
        defaultChecked={values.qstRegistered === 'yes'}
        error={errors.qstRegistered}
      />
    </>
  );
}
