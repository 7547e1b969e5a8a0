import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { selectProgram } from '../../programs/index.ts';
import { CONSENT_COLUMNS, IMPORT_COLUMNS } from '../domain/import-columns.ts';
import { describeImport } from '../use-cases/describe-import.ts';
import { importApplications } from '../use-cases/import-applications.ts';

export const loader = pageLoader(({ ctx }) => describeImport(ctx));

export const action = formAction(async ({ ctx, form, file, request }) => {
  // Into the program named by ?program= (the review queue's link carries it), else the default one.
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const upload = file('file');
  const csv = upload ? await upload.text() : (form.csv ?? '');
  return { report: await importApplications(ctx, { programId: program.id, csv }) };
});

/** A column of the file as its reader knows it: the form's label, then the name the file gives it. */
function columnLabel(column: string, t: TFunction): string {
  const field = IMPORT_COLUMNS[column as keyof typeof IMPORT_COLUMNS];
  const purpose = CONSENT_COLUMNS[column as keyof typeof CONSENT_COLUMNS];
  if (field) return t(`fields.business.${field}`);
  if (purpose) return t(`fields.consents.${purpose}`);
  return column;
}

/** Paper applications, typed into a spreadsheet and saved as CSV, imported with a report per line. */
export default function ImportApplications() {
  const { t } = useTranslation('intake');
  const { columns, consentColumns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const report = result && 'report' in result ? result.report : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('ui.import.title')}>{t('ui.import.title')}</PageTitle>
      <p>{t('ui.import.intro')}</p>
      <p>
        {t('ui.import.columns')} <code>{columns.join(', ')}</code>, <code>{consentColumns.join(', ')}</code>
      </p>
      <ErrorSummary error={failed?.error} />
      {report ? (
        <Notice kind={report.errors.length > 0 ? 'warning' : 'success'}>
          <p>
            {t('ui.import.summary', {
              created: t('ui.import.created', { count: report.created.length }),
              skipped: t('ui.import.skipped', { count: report.skipped.length }),
              errors: t('ui.import.errors', { count: report.errors.length }),
            })}
          </p>
          {report.errors.length > 0 || report.skipped.length > 0 ? (
            <DataTable
              caption={t('ui.import.report')}
              columns={[t('ui.import.line'), t('ui.import.column'), t('ui.import.problem')]}
            >
              {report.errors.map((e) => (
                <tr key={`${e.row}-${e.path}`}>
                  <td>{e.row}</td>
                  <td>
                    {columnLabel(e.path, t)} (<code>{e.path}</code>)
                  </td>
                  <td>{e.message}</td>
                </tr>
              ))}
              {report.skipped.map((s) => (
                <tr key={`skip-${s.row}`}>
                  <td>{s.row}</td>
                  <td>
                    {columnLabel('neq', t)} (<code>neq</code>)
                  </td>
                  <td>{t(`ui.import.skipped_${s.reason}`, { neq: s.neq })}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </Notice>
      ) : null}
      <PostForm className="stack" encType="multipart/form-data">
        <div className="field">
          <label htmlFor="field-file">{t('ui.import.file')}</label>
          <input id="field-file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <div className={errors.csv ? 'field field-error' : 'field'}>
          <label htmlFor="field-csv">{t('ui.import.or_paste')}</label>
          {errors.csv ? (
            <p id="csv-error" className="error-message">
              {errors.csv}
            </p>
          ) : null}
          <textarea
            id="field-csv"
            name="csv"
            rows={10}
            aria-invalid={errors.csv ? true : undefined}
            aria-describedby={errors.csv ? 'csv-error' : undefined}
          />
          <p className="hint">{t('ui.import.paste_hint')}</p>
        </div>
        <SubmitButton>{t('ui.import.submit')}</SubmitButton>
      </PostForm>
    </div>
  );
}
