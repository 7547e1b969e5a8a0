import { useTranslation } from 'react-i18next';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { QUASI_IDENTIFIERS } from '../domain/research.ts';
import { decideResearchExtract } from '../use-cases/decide-research-extract.ts';
import { listResearchExtracts } from '../use-cases/list-research-extracts.ts';
import { ExtractStatus, useLevelsText } from './extract-status.tsx';

export const loader = pageLoader(async ({ ctx, request }) => {
  // The list serves researchers too; this page is the deciders'.
  authorize(ctx.actor, 'research_extract.decide');
  const extracts = (await listResearchExtracts(ctx)).map((x) => ({
    id: x.id,
    requestedAt: formatDate(x.requestedAt),
    requesterName: x.requesterName,
    programName: x.programName,
    purpose: x.purpose,
    variableGroups: x.variableGroups,
    generalisation: x.generalisation,
    status: x.status,
    refusalKind: x.refusalKind,
    refusalReason: x.refusalReason,
    failingClassCount: x.failingClassCount,
    failingClasses: x.failingClasses,
    suggestion: x.suggestedGeneralisation,
    rowCount: x.rowCount,
    downloads: x.downloads,
  }));
  return {
    decided: new URL(request.url).searchParams.get('decided'),
    pending: extracts.filter((x) => x.status === 'requested'),
    done: extracts.filter((x) => x.status !== 'requested'),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  const decided = await decideResearchExtract(ctx, form.id ?? '', {
    decision: form.decision,
    ...(form.reason ? { reason: form.reason } : {}),
  });
  return redirect(`/admin/research-extracts?decided=${decided.status}`);
});

/** Administrators decide on researchers' requests; approving extracts at once. */
export default function ResearchExtractsAdmin() {
  const { t } = useTranslation('reporting');
  const { decided, pending, done } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const levels = useLevelsText();
  const title = t('research.ui.admin_title');
  return (
    <div className="reporting-page admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('research.ui.admin_intro')}</p>
      {decided === 'approved' || decided === 'refused' ? (
        <Notice kind="success">
          <p>{t('research.ui.decided_notice', { status: t(`research.status.${decided}`) })}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="pending">
        <h2 id="pending">{t('research.ui.pending')}</h2>
        {pending.length === 0 ? <p>{t('research.ui.no_pending')}</p> : null}
        {pending.map((x) => {
          const errors = failed?.values.id === x.id ? fieldErrors(failed.error) : {};
          return (
            <article key={x.id} className="card" aria-labelledby={`extract-${x.id}`}>
              <h3 id={`extract-${x.id}`}>
                {t('research.ui.pending_title', {
                  program: x.programName,
                  name: x.requesterName,
                  date: x.requestedAt,
                })}
              </h3>
              <dl>
                <dt>{t('research.ui.purpose')}</dt>
                <dd>{x.purpose}</dd>
                <dt>{t('research.ui.groups')}</dt>
                <dd>{x.variableGroups.map((g) => t(`research.groups.${g}`)).join(' ; ')}</dd>
                <dt>{t('research.ui.generalisation')}</dt>
                <dd>{levels(x.generalisation)}</dd>
              </dl>
              {failed?.values.id === x.id ? (
                <ErrorSummary error={failed.error} hrefFor={() => `#reason-${x.id}`} />
              ) : null}
              <PostForm action="/admin/research-extracts">
                <input type="hidden" name="id" value={x.id} />
                <TextArea
                  id={`reason-${x.id}`}
                  name="reason"
                  label={t('research.ui.reason')}
                  rows={3}
                  maxLength={4000}
                  defaultValue={failed?.values.id === x.id ? failed.values.reason : undefined}
                  error={errors.reason}
                />
                <p className="actions">
                  <SubmitButton name="decision" value="approved">
                    {t('research.ui.approve')}
                  </SubmitButton>
                  <SubmitButton name="decision" value="refused" variant="danger">
                    {t('research.ui.refuse')}
                  </SubmitButton>
                </p>
              </PostForm>
            </article>
          );
        })}
      </section>
      <section aria-labelledby="decided">
        <h2 id="decided">{t('research.ui.decided')}</h2>
        {done.length === 0 ? null : (
          <TableWrap label={t('research.ui.decided')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('research.ui.col_requested')}</th>
                  <th scope="col">{t('research.ui.col_requester')}</th>
                  <th scope="col">{t('research.ui.col_program')}</th>
                  <th scope="col">{t('research.ui.col_status')}</th>
                  <th scope="col">{t('research.ui.col_rows')}</th>
                  <th scope="col">{t('research.ui.col_downloads')}</th>
                </tr>
              </thead>
              <tbody>
                {done.map((x) => (
                  <tr key={x.id}>
                    <td>{x.requestedAt}</td>
                    <td>{x.requesterName}</td>
                    <td>{x.programName}</td>
                    <td>
                      <ExtractStatus extract={x} />
                      {x.failingClasses && x.failingClasses.length > 0 ? (
                        <details>
                          <summary>{t('research.ui.failing_classes')}</summary>
                          <ul>
                            {x.failingClasses.map((c) => (
                              <li key={QUASI_IDENTIFIERS.map((q) => c.values[q]).join('|')}>
                                {QUASI_IDENTIFIERS.map((q) => c.values[q] || '—').join(' · ')} : {c.count}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                    <td className="numeric">{x.rowCount ?? '—'}</td>
                    <td className="numeric">{x.downloads}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}
