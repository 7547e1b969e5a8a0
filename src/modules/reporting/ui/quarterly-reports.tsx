import { useTranslation } from 'react-i18next';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate, formatDateTime } from '../../../kernel/format.ts';
import { LOCALES } from '../../../kernel/locale.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { DataTable } from '../../../platform/ui/data-table.tsx';
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
import { isAllowed } from '../../../wiring/authorize.ts';
import { selectProgram } from '../../programs/index.ts';
import { quarterLabel, quarterOfDay } from '../domain/quarters.ts';
import { listQuarterlyReports } from '../use-cases/list-quarterly-reports.ts';
import { produceQuarterlyReport } from '../use-cases/produce-quarterly-report.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  const program = await selectProgram(ctx, search.get('program'));
  const reports = await listQuarterlyReports(ctx, program.id);
  // The form proposes the quarter under way.
  const current = quarterOfDay(formatDate(ctx.now()), 'fiscal');
  const quarters = new Map<string, { label: string; versions: typeof rows }>();
  const rows = reports.map((r) => ({
    id: r.id,
    version: r.version,
    reason: r.reason,
    producedBy: r.producedBy.name,
    producedAt: formatDateTime(r.producedAt, ctx.locale),
    checksum: r.checksum,
    checksumVerified: r.checksumVerified,
    quarter: quarterLabel(
      { kind: 'fiscal', year: Number(r.fiscalYear.slice(0, 4)), quarter: r.quarter },
      ctx.locale,
    ),
  }));
  for (const row of rows) {
    const group = quarters.get(row.quarter) ?? { label: row.quarter, versions: [] };
    group.versions.push(row);
    quarters.set(row.quarter, group);
  }
  return {
    programSlug: program.slug,
    programName: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
    canProduce: isAllowed(ctx.actor, 'quarterly_report.produce'),
    defaults: { fiscalYear: `${current.year}-${current.year + 1}`, quarter: String(current.quarter) },
    produced: rows.find((r) => r.id === search.get('produced')) ?? null,
    quarters: [...quarters.values()],
  };
});

export const action = formAction(async ({ ctx, request, form }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const report = await produceQuarterlyReport(ctx, program.id, {
    fiscalYear: form.fiscalYear ?? '',
    // An empty or odd choice stays a number the schema refuses, naming the field.
    quarter: Number(form.quarter),
    reason: form.reason ?? '',
  });
  return redirect(`/quarterly-reports?program=${program.slug}&produced=${report.id}`);
});

/** The program's quarterly reports by quarter with every version and its files; the team produces them here. */
export default function QuarterlyReports() {
  const { t } = useTranslation('reporting');
  const { programName, programSlug, canProduce, defaults, produced, quarters } =
    useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  const title = `${t('quarterly.page.title')} — ${programName}`;
  return (
    <div className="reporting-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('quarterly.page.intro')}</p>
      {produced ? (
        <Notice kind="success">
          <p>{t('quarterly.page.produced', { quarter: produced.quarter, version: produced.version })}</p>
        </Notice>
      ) : null}
      {canProduce ? (
        <section aria-labelledby="produce-title">
          <h2 id="produce-title">{t('quarterly.page.produce_title')}</h2>
          <ErrorSummary error={failed?.error} />
          <PostForm action={`/quarterly-reports?program=${programSlug}`}>
            <TextField
              name="fiscalYear"
              label={t('quarterly.fields.fiscalYear')}
              hint={t('quarterly.fields.fiscalYear_hint')}
              defaultValue={failed?.values.fiscalYear ?? defaults.fiscalYear}
              error={errors.fiscalYear}
              required
            />
            <SelectField
              name="quarter"
              label={t('quarterly.fields.quarter')}
              options={['1', '2', '3', '4'].map((q) => ({ value: q, label: t(`quarterly.quarters.${q}`) }))}
              defaultValue={failed?.values.quarter ?? defaults.quarter}
              error={errors.quarter}
              required
            />
            <TextArea
              name="reason"
              label={t('quarterly.fields.reason')}
              hint={t('quarterly.fields.reason_hint')}
              defaultValue={failed?.values.reason ?? ''}
              error={errors.reason}
            />
            <SubmitButton>{t('quarterly.page.produce')}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t('quarterly.page.list_title')}</h2>
        {quarters.length === 0 ? <p>{t('quarterly.page.none')}</p> : null}
        {quarters.map((quarter) => (
          <section key={quarter.label} aria-labelledby={`quarter-${quarter.label.replace(/\W/g, '-')}`}>
            <h3 id={`quarter-${quarter.label.replace(/\W/g, '-')}`}>{quarter.label}</h3>
            <DataTable
              caption={t('quarterly.page.caption', { quarter: quarter.label })}
              className="stacked"
              columns={[
                t('quarterly.columns.version'),
                t('quarterly.columns.produced_by'),
                t('quarterly.columns.produced_at'),
                t('quarterly.columns.reason'),
                t('quarterly.columns.checksum'),
                t('quarterly.columns.files'),
              ]}
            >
              {quarter.versions.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.version}</th>
                  <td>{r.producedBy}</td>
                  <td>{r.producedAt}</td>
                  <td>{r.reason ?? ''}</td>
                  <td>
                    <code className="checksum">{r.checksum}</code>{' '}
                    <span className="hint">
                      {t(r.checksumVerified ? 'quarterly.page.verified' : 'quarterly.page.not_verified')}
                    </span>
                  </td>
                  <td>
                    <ul
                      className="inline-list"
                      aria-label={t('quarterly.page.files_label', { version: r.version, quarter: r.quarter })}
                    >
                      {(['pdf', 'xlsx'] as const).flatMap((format) =>
                        LOCALES.map((lang) => (
                          <li key={`${format}-${lang}`}>
                            <a href={`/api/v1/reports/${r.id}.${format}?lang=${lang}`} download>
                              {t(`quarterly.page.download_${format}`, {
                                language: t(`quarterly.languages.${lang}`),
                              })}
                            </a>
                          </li>
                        )),
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))}
      </section>
    </div>
  );
}
