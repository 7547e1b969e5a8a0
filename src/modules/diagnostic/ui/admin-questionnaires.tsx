import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDateTime, formatNumber } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery } from '../../programs/index.ts';
import { getQuestionnaireContent } from '../use-cases/get-questionnaire-content.ts';
import { listQuestionnaires } from '../use-cases/list-questionnaires.ts';
import { publishQuestionnaire } from '../use-cases/publish-questionnaire.ts';
import { saveQuestionnaireDraft } from '../use-cases/save-questionnaire-draft.ts';
import { programFor } from './admin-editing.server.ts';
import { DiagnosticAdminLinks, VersionState } from './admin-shared.tsx';

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await programFor(ctx, 'questionnaire.manage', request);
  const { items } = await listQuestionnaires(ctx, { programId: program.id });
  const url = new URL(request.url);
  const current = items.find((i) => i.current);
  const latestDraft = items.find((i) => i.status === 'draft' && i.version > (current?.version ?? 0));
  const confirming = items.find((i) => i.id === url.searchParams.get('publish') && i.status === 'draft');
  return {
    program: program.slug,
    items: items.map((i) => ({
      id: i.id,
      version: i.version,
      status: i.status,
      current: i.current,
      diagnostics: formatNumber(i.diagnostics, ctx.locale),
      publishedAt: i.publishedAt ? formatDateTime(i.publishedAt, ctx.locale) : null,
      createdAt: formatDateTime(i.createdAt, ctx.locale),
    })),
    current: current
      ? {
          id: current.id,
          version: current.version,
          diagnostics: current.diagnostics,
          diagnosticsText: formatNumber(current.diagnostics, ctx.locale),
        }
      : null,
    latestDraft: latestDraft ? { id: latestDraft.id, version: latestDraft.version } : null,
    confirming: confirming ? { id: confirming.id, version: confirming.version } : null,
    published: /^\d+$/.test(url.searchParams.get('published') ?? '')
      ? url.searchParams.get('published')
      : null,
  };
});

export const action = formAction(async ({ ctx, form, request }) => {
  const program = await programFor(ctx, 'questionnaire.manage', request);
  if (form.intent === 'publish') {
    const { version } = await publishQuestionnaire(ctx, form.id ?? '');
    return redirect(`/admin/diagnostic${programQuery(program.slug, { published: String(version) })}`);
  }
  if (form.intent === 'new_draft') {
    // A copy of the version in use, to edit: the version in use does not change.
    const source = await getQuestionnaireContent(ctx, form.from ?? '');
    if (source.programId !== program.id) throw new AppError('not_found');
    const { id, version } = await saveQuestionnaireDraft(ctx, {
      programId: program.id,
      content: source.content,
    });
    return redirect(`/admin/diagnostic/questionnaires/${id}/edit?created=${version}`);
  }
  throw new AppError('bad_request');
});

export default function QuestionnaireVersions() {
  const { t } = useTranslation('diagnostic');
  const { items, current, latestDraft, confirming, published, program } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const title = t('admin.versions.title');
  // The confirmation shows at the top of the page: keyboard and screen-reader users are taken there.
  const confirmRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <div className="admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <DiagnosticAdminLinks here="versions" />
      <ErrorSummary error={failed && 'error' in failed ? failed.error : undefined} />
      {published ? (
        <Notice kind="success">
          <p>{t('admin.versions.published', { version: published })}</p>
        </Notice>
      ) : null}
      {confirming ? (
        <section
          ref={confirmRef}
          id="confirm"
          tabIndex={-1}
          className="notice notice-warning admin-confirm"
          aria-labelledby="confirm-title"
        >
          <h2 id="confirm-title">{t('admin.publish.title', { version: confirming.version })}</h2>
          <p>{t('admin.publish.new_diagnostics', { version: confirming.version })}</p>
          <p>
            {current && current.diagnostics > 0
              ? t('admin.publish.running', {
                  version: current.version,
                  count: current.diagnostics,
                  n: current.diagnosticsText,
                })
              : t('admin.publish.running_none')}
          </p>
          <p>{t('admin.publish.final')}</p>
          <PostForm>
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="id" value={confirming.id} />
            <div className="actions">
              <SubmitButton>{t('admin.publish.confirm', { version: confirming.version })}</SubmitButton>
              <Link to={`/admin/diagnostic${programQuery(program)}`}>{t('admin.publish.cancel')}</Link>
            </div>
          </PostForm>
        </section>
      ) : null}
      <p>{t('admin.versions.intro')}</p>
      {current ? (
        <p>
          {t('admin.versions.current', { version: current.version })}{' '}
          <Link to={`/admin/diagnostic/questionnaires/${current.id}`}>
            {t('admin.versions.preview_current')}
          </Link>
        </p>
      ) : (
        <p>{t('admin.versions.no_current')}</p>
      )}
      {latestDraft ? (
        <Notice>
          <p>
            {t('admin.versions.draft_exists', { version: latestDraft.version })}{' '}
            <Link to={`/admin/diagnostic/questionnaires/${latestDraft.id}/edit`}>
              {t('admin.versions.edit_draft', { version: latestDraft.version })}
            </Link>
          </p>
        </Notice>
      ) : null}
      {current ? (
        <PostForm>
          <input type="hidden" name="intent" value="new_draft" />
          <input type="hidden" name="from" value={current.id} />
          <p className="hint">{t('admin.versions.new_draft_hint')}</p>
          <SubmitButton variant="secondary">
            {t('admin.versions.new_draft', { version: current.version })}
          </SubmitButton>
        </PostForm>
      ) : null}
      <h2>{t('admin.versions.list')}</h2>
      <DataTable
        caption={t('admin.versions.list')}
        className="stacked admin-table"
        columns={[
          t('admin.versions.version_col'),
          t('admin.versions.state_col'),
          t('admin.versions.published_col'),
          t('admin.versions.diagnostics_col'),
          t('admin.versions.actions_col'),
        ]}
      >
        {items.map((i) => (
          <tr key={i.id}>
            <th scope="row">{t('admin.versions.version', { version: i.version })}</th>
            <td data-label={t('admin.versions.state_col')}>
              <VersionState status={i.status} current={i.current} />
            </td>
            <td data-label={t('admin.versions.published_col')}>
              {i.publishedAt ?? (
                <span className="hint">{t('admin.versions.created', { date: i.createdAt })}</span>
              )}
            </td>
            <td data-label={t('admin.versions.diagnostics_col')}>{i.diagnostics}</td>
            <td data-label={t('admin.versions.actions_col')}>
              <ul className="admin-row-actions">
                <li>
                  <Link to={`/admin/diagnostic/questionnaires/${i.id}`}>
                    {t('admin.versions.preview')}
                    <span className="sr-only"> {t('admin.versions.of_version', { version: i.version })}</span>
                  </Link>
                </li>
                {i.status === 'draft' ? (
                  <>
                    <li>
                      <Link to={`/admin/diagnostic/questionnaires/${i.id}/edit`}>
                        {t('admin.versions.edit')}
                        <span className="sr-only">
                          {' '}
                          {t('admin.versions.of_version', { version: i.version })}
                        </span>
                      </Link>
                    </li>
                    <li>
                      <Link to={`/admin/diagnostic${programQuery(program, { publish: i.id })}#confirm`}>
                        {t('admin.versions.publish')}
                        <span className="sr-only">
                          {' '}
                          {t('admin.versions.of_version', { version: i.version })}
                        </span>
                      </Link>
                    </li>
                  </>
                ) : null}
              </ul>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
