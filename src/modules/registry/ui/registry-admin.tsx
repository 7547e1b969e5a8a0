import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { fieldError, isAppError } from '../../../platform/errors.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import {
  ErrorSummary,
  FieldShell,
  fieldErrors,
  PostForm,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { correspondenceFromText } from '../domain/correspondence.ts';
import type { ImportProblem } from '../domain/extract-format.ts';
import { problemMessage } from '../domain/problems.ts';
import { getCorrespondence } from '../use-cases/get-correspondence.ts';
import { getRegistryLicence } from '../use-cases/get-registry-licence.ts';
import { importRegistryExtract } from '../use-cases/import-registry-extract.ts';
import { listRegistryImports } from '../use-cases/list-registry-imports.ts';
import { recordRegistryLicence } from '../use-cases/record-registry-licence.ts';
import { revokeRegistryLicence } from '../use-cases/revoke-registry-licence.ts';
import { setCorrespondence } from '../use-cases/set-correspondence.ts';

export const loader = pageLoader(async ({ ctx }) => ({
  imports: await listRegistryImports(ctx),
  correspondence: await getCorrespondence(ctx),
  licence: (await getRegistryLicence(ctx)).inForce,
  locale: ctx.locale,
}));

export const action = formAction(async ({ ctx, form, file }) => {
  if (form.intent === 'correspondence') {
    // The pairs are typed in one box: an error on any of them is that box's, so the summary leads to it.
    await setCorrespondence(ctx, correspondenceFromText(form.correspondence ?? '')).catch(
      (error: unknown) => {
        const first = isAppError(error) ? error.fields[0] : undefined;
        throw first ? fieldError('correspondence', first.key, first.params) : error;
      },
    );
    return { saved: true as const };
  }
  if (form.intent === 'licence') {
    await recordRegistryLicence(ctx, { licence: form.licence });
    return { licence: 'recorded' as const };
  }
  if (form.intent === 'revoke_licence') {
    await revokeRegistryLicence(ctx);
    return { licence: 'revoked' as const };
  }
  const upload = file('file');
  const { unchanged } = await importRegistryExtract(
    ctx,
    {
      bytes: new Uint8Array(upload ? await upload.arrayBuffer() : new ArrayBuffer(0)),
      fileName: upload?.name ?? '',
      fields: { fileDate: form.fileDate },
    },
    { wait: false },
  );
  return { started: true as const, unchanged };
});

/** Administrators import the registry's file, follow its progress and provenance, keep the CAE → NAICS pairs. */
export default function RegistryAdmin() {
  const { t } = useTranslation('registry');
  const { imports, correspondence, licence, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const current = imports.find((e) => e.status === 'current');
  const said = (p: ImportProblem) => {
    const [key, params] = problemMessage(p);
    return t(key, params);
  };
  return (
    <div className="stack">
      <PageTitle title={t('ui.title')}>{t('ui.title')}</PageTitle>
      <p>{t('ui.intro')}</p>
      <ErrorSummary error={failed?.error} />
      {result && 'started' in result ? (
        <Notice kind="success">
          <p>{result.unchanged ? t('ui.unchanged') : t('ui.started')}</p>
        </Notice>
      ) : null}
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t('ui.correspondence_saved')}</p>
        </Notice>
      ) : null}
      {result && 'licence' in result ? (
        <Notice kind="success">
          <p>{t(`ui.licence_${result.licence}`)}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="current-extract">
        <h2 id="current-extract">{t('ui.current')}</h2>
        {current ? (
          <>
            <dl>
              <dt>{t('ui.file_date')}</dt>
              <dd>{current.fileDate ?? '—'}</dd>
              <dt>{t('ui.imported_at')}</dt>
              <dd>{formatDateTime(current.finishedAt ?? current.startedAt, locale as Locale)}</dd>
              <dt>{t('ui.checksum')}</dt>
              <dd>
                <code>{current.checksum}</code>
              </dd>
            </dl>
            <DataTable caption={t('ui.rows')} columns={[t('ui.file'), t('ui.loaded'), t('ui.rejected')]}>
              {Object.entries(current.rowCounts).map(([file, c]) => (
                <tr key={file}>
                  <td>{file}</td>
                  <td>{formatNumber(c.loaded, locale as Locale)}</td>
                  <td>{formatNumber(c.rejected, locale as Locale)}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p>{t('ui.none')}</p>
        )}
      </section>
      <section aria-labelledby="upload-extract">
        <h2 id="upload-extract">{t('ui.upload')}</h2>
        <p>{t('ui.upload_hint')}</p>
        <PostForm className="stack" encType="multipart/form-data">
          <input type="hidden" name="intent" value="import" />
          <FieldShell name="file" label={t('ui.file_field')} error={errors.file} required>
            {({ id, describedBy }) => (
              <input
                id={id}
                name="file"
                type="file"
                accept=".zip,application/zip"
                required
                aria-describedby={describedBy}
              />
            )}
          </FieldShell>
          <TextField
            name="fileDate"
            type="date"
            label={t('ui.date_field')}
            hint={t('ui.date_hint')}
            error={errors.fileDate}
          />
          <SubmitButton>{t('ui.submit')}</SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="recent-imports">
        <h2 id="recent-imports">{t('ui.imports')}</h2>
        <p>
          <Link to=".">{t('ui.refresh')}</Link>
        </p>
        <DataTable
          caption={t('ui.imports')}
          columns={[t('ui.imported_at'), t('ui.file'), t('ui.status'), t('ui.rows'), t('ui.warnings')]}
        >
          {imports.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.startedAt, locale as Locale)}</td>
              <td>{e.fileName}</td>
              <td>
                {t(`statuses.${e.status}`)}
                {e.failure ? ` — ${said(e.failure)}` : ''}
              </td>
              <td>{t('ui.progress', { rows: formatNumber(e.rowsRead, locale as Locale) })}</td>
              <td>{e.warnings.map(said).join(' ')}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="licence">
        <h2 id="licence">{t('ui.licence')}</h2>
        <p>{t('ui.licence_intro')}</p>
        {licence ? (
          <>
            <p>
              {t('ui.licence_in_force', {
                date: formatDateTime(licence.recordedAt, locale as Locale),
              })}
            </p>
            <blockquote>{licence.licence}</blockquote>
            <PostForm>
              <input type="hidden" name="intent" value="revoke_licence" />
              <SubmitButton variant="secondary">{t('ui.licence_revoke')}</SubmitButton>
            </PostForm>
          </>
        ) : (
          <PostForm className="stack">
            <p>{t('ui.licence_none')}</p>
            <input type="hidden" name="intent" value="licence" />
            <TextArea
              name="licence"
              label={t('fields.licence')}
              hint={t('ui.licence_hint')}
              required
              maxLength={2000}
              defaultValue={failed?.values.licence}
              error={errors.licence}
            />
            <SubmitButton>{t('ui.licence_record')}</SubmitButton>
          </PostForm>
        )}
      </section>
      <section aria-labelledby="correspondence">
        <h2 id="correspondence">{t('ui.correspondence')}</h2>
        <p>{t('ui.correspondence_intro')}</p>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="correspondence" />
          <FieldShell
            name="correspondence"
            label={t('ui.correspondence_field')}
            error={errors.correspondence}
            required
          >
            {({ id, describedBy }) => (
              <textarea
                id={id}
                name="correspondence"
                rows={10}
                defaultValue={
                  failed?.values.correspondence ?? correspondence.map((c) => `${c.cae} ${c.naics}`).join('\n')
                }
                aria-describedby={describedBy}
              />
            )}
          </FieldShell>
          <SubmitButton>{t('ui.save')}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
