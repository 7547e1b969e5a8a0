import { useTranslation } from 'react-i18next';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { CheckboxGroup, TextArea } from '../../../platform/ui/choices.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { listPrograms } from '../../programs/index.ts';
import { type Generalisation, LEVELS, QUASI_IDENTIFIERS, VARIABLE_GROUPS } from '../domain/research.ts';
import { listResearchExtracts } from '../use-cases/list-research-extracts.ts';
import { requestResearchExtract } from '../use-cases/request-research-extract.ts';
import { ExtractStatus } from './extract-status.tsx';

export const loader = pageLoader(async ({ ctx, request }) => {
  const extracts = await listResearchExtracts(ctx);
  const programs = await listPrograms(ctx);
  return {
    asked: new URL(request.url).searchParams.has('asked'),
    programs: programs.map((p) => ({ value: p.id, label: ctx.locale === 'fr' ? p.nameFr : p.nameEn })),
    extracts: extracts.map((x) => ({
      id: x.id,
      requestedAt: formatDate(x.requestedAt),
      programId: x.programId,
      programName: x.programName,
      purpose: x.purpose,
      variableGroups: x.variableGroups,
      status: x.status,
      refusalKind: x.refusalKind,
      refusalReason: x.refusalReason,
      failingClassCount: x.failingClassCount,
      suggestion: x.suggestedGeneralisation,
      rowCount: x.rowCount,
      sizeBytes: x.sizeBytes,
    })),
  };
});

export const action = formAction(async ({ ctx, form, all }) => {
  await requestResearchExtract(ctx, {
    programId: form.programId,
    purpose: form.purpose,
    variableGroups: all('variableGroups'),
    generalisation: Object.fromEntries(QUASI_IDENTIFIERS.map((q) => [q, form[`generalisation.${q}`]])),
  });
  return redirect('/research?asked=1');
});

/** The same request again, with the generalisation the k-anonymity check suggested. */
function AskAgain({
  extract,
  suggestion,
}: {
  extract: { programId: string; purpose: string; variableGroups: string[] };
  suggestion: Generalisation;
}) {
  const { t } = useTranslation('reporting');
  return (
    <PostForm action="/research">
      <input type="hidden" name="programId" value={extract.programId} />
      <input type="hidden" name="purpose" value={extract.purpose} />
      {extract.variableGroups.map((g) => (
        <input key={g} type="hidden" name="variableGroups" value={g} />
      ))}
      {QUASI_IDENTIFIERS.map((q) => (
        <input key={q} type="hidden" name={`generalisation.${q}`} value={suggestion[q]} />
      ))}
      <SubmitButton variant="secondary">{t('research.ui.ask_again')}</SubmitButton>
    </PostForm>
  );
}

/** The researcher's landing: their extracts, and the form to ask for one. */
export default function Research() {
  const { t } = useTranslation('reporting');
  const { asked, programs, extracts } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  const title = t('research.ui.title');
  return (
    <div className="reporting-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('research.ui.intro')}</p>
      {asked ? (
        <Notice kind="success">
          <p>{t('research.ui.asked')}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="mine">
        <h2 id="mine">{t('research.ui.mine')}</h2>
        {extracts.length === 0 ? (
          <p>{t('research.ui.none')}</p>
        ) : (
          <TableWrap label={t('research.ui.mine')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('research.ui.col_requested')}</th>
                  <th scope="col">{t('research.ui.col_program')}</th>
                  <th scope="col">{t('research.ui.col_status')}</th>
                  <th scope="col">{t('research.ui.col_rows')}</th>
                  <th scope="col">{t('research.ui.col_file')}</th>
                </tr>
              </thead>
              <tbody>
                {extracts.map((x) => (
                  <tr key={x.id}>
                    <td>{x.requestedAt}</td>
                    <td>{x.programName}</td>
                    <td>
                      <ExtractStatus extract={x} />
                      {x.suggestion ? <AskAgain extract={x} suggestion={x.suggestion} /> : null}
                    </td>
                    <td className="numeric">{x.rowCount ?? '—'}</td>
                    <td>
                      {x.status === 'approved' ? (
                        <a href={`/api/v1/research-extracts/${x.id}/download`} download>
                          {t('research.ui.download', { size: Math.ceil((x.sizeBytes ?? 0) / 1024) })}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section aria-labelledby="new-extract">
        <h2 id="new-extract">{t('research.ui.new')}</h2>
        <ErrorSummary error={failed?.error} />
        <PostForm action="/research">
          <SelectField
            name="programId"
            label={t('research.ui.program')}
            options={programs}
            defaultValue={failed?.values.programId}
            error={errors.programId}
            required
          />
          <TextArea
            name="purpose"
            label={t('research.ui.purpose')}
            hint={t('research.ui.purpose_hint')}
            defaultValue={failed?.values.purpose}
            error={errors.purpose}
            maxLength={4000}
            required
          />
          <CheckboxGroup
            name="variableGroups"
            label={t('research.ui.groups')}
            hint={t('research.ui.groups_hint')}
            options={VARIABLE_GROUPS.map((g) => ({ value: g, label: t(`research.groups.${g}`) }))}
            defaultValues={failed ? (failed.allValues.variableGroups ?? []) : [...VARIABLE_GROUPS]}
            error={errors.variableGroups}
            required
          />
          <fieldset className="field">
            <legend>{t('research.ui.generalisation')}</legend>
            <p className="hint">{t('research.ui.generalisation_hint')}</p>
            {QUASI_IDENTIFIERS.map((q) => (
              <SelectField
                key={q}
                name={`generalisation.${q}`}
                label={t(`research.quasi_identifiers.${q}`)}
                options={LEVELS[q].map((level) => ({
                  value: level,
                  label: t(`research.levels.${q}.${level}`),
                }))}
                defaultValue={failed?.values[`generalisation.${q}`]}
                error={errors[`generalisation.${q}`]}
                required
              />
            ))}
          </fieldset>
          <SubmitButton>{t('research.ui.submit')}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
