import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { selectProgram } from '../../programs/index.ts';
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
              created: report.created.length,
              skipped: report.skipped.length,
              errors: report.errors.length,
            })}
          </p>
          {report.errors.length > 0 || report.skipped.length > 0 ? (
            <TableWrap label={t('ui.import.report')}>
              <table className="data">
                <caption className="sr-only">{t('ui.import.report')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ui.import.line')}</th>
                    <th scope="col">{t('ui.import.column')}</th>
                    <th scope="col">{t('ui.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e) => (
                    <tr key={`${e.row}-${e.path}`}>
                      <td>{e.row}</td>
                      <td>
                        <code>{e.path}</code>
                      </td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                  {report.skipped.map((s) => (
                    <tr key={`skip-${s.row}`}>
                      <td>{s.row}</td>
                      <td>
                        <code>neq</code>
                      </td>
                      <td>{t(`ui.import.skipped_${s.reason}`, { neq: s.neq })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
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
