import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { AppError } from '../../../platform/errors.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram, programQuery } from '../../programs/index.ts';
import { getQuestionnaireContent } from '../use-cases/get-questionnaire-content.ts';
import { saveQuestionnaireDraft } from '../use-cases/save-questionnaire-draft.ts';
import { parseJsonDocument, withPlainPaths } from './admin-editing.server.ts';
import { jsonErrorOffset, lineAndColumn, questionnaireJson } from './admin-json.ts';
import { DiagnosticAdminLinks, VersionState } from './admin-shared.tsx';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  authorize(ctx.actor, 'questionnaire.manage');
  const q = await getQuestionnaireContent(ctx, params.id ?? '');
  return {
    // The versions page of this questionnaire's program.
    program: (await getProgram(ctx, q.programId)).slug,
    id: q.id,
    version: q.version,
    status: q.status,
    current: q.current,
    json: questionnaireJson(q.content),
    saved: new URL(request.url).searchParams.get('saved'),
  };
});

export const action = formAction(async ({ ctx, params, form }) => {
  authorize(ctx.actor, 'questionnaire.manage');
  const q = await getQuestionnaireContent(ctx, params.id ?? '');
  if (q.status !== 'draft') throw new AppError('conflict', { key: 'diagnostic:admin.edit.read_only_error' });
  const document = parseJsonDocument(form.content);
  const saved = await withPlainPaths(ctx, document, () =>
    saveQuestionnaireDraft(ctx, { programId: q.programId, content: document }),
  );
  return redirect(`/admin/diagnostic/questionnaires/${saved.id}/json?saved=${saved.version}`);
});

export default function QuestionnaireJson() {
  const { t } = useTranslation('diagnostic');
  const { id, version, status, current, json, saved, program } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const count = failed?.error.errors.length ?? 0;
  const title = t('admin.json.title', { version });
  const base = `/admin/diagnostic/questionnaires/${id}`;
  // After a syntax error, the cursor waits at the place where the text stops being JSON: following the
  // error summary's link (or tabbing) to the editor lands there.
  useEffect(() => {
    const text = failed?.values.content;
    if (text === undefined) return;
    const offset = jsonErrorOffset(text);
    const editor = document.getElementById('field-content');
    if (offset < 0 || !(editor instanceof HTMLTextAreaElement)) return;
    editor.setSelectionRange(offset, Math.min(offset + 1, text.length));
    // The editor's own scroll shows that place too, a few lines down from its top.
    const { line } = lineAndColumn(text, offset);
    const lineHeight = Number.parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }, [failed]);
  return (
    <div className="admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <DiagnosticAdminLinks here="other" />
      <p>
        <VersionState status={status} current={current} />
      </p>
      <ul className="actions admin-links">
        <li>
          <Link to={base}>{t('admin.edit.preview')}</Link>
        </li>
        {status === 'draft' ? (
          <li>
            <Link to={`${base}/edit`}>{t('admin.json.form')}</Link>
          </li>
        ) : null}
      </ul>
      {saved ? (
        <Notice kind="success">
          <p>{t('admin.edit.saved', { version: saved })}</p>
        </Notice>
      ) : null}
      {status !== 'draft' ? (
        <Notice kind="warning">
          <p>{t('admin.edit.read_only')}</p>
          <p>
            <Link to={`/admin/diagnostic${programQuery(program)}`}>{t('admin.edit.to_versions')}</Link>
          </p>
        </Notice>
      ) : (
        <>
          <p>{t('admin.json.intro')}</p>
          <ul className="bullets">
            <li>{t('admin.json.rule_ids')}</li>
            <li>{t('admin.json.rule_scores')}</li>
            <li>{t('admin.json.rule_conditions')}</li>
            <li>{t('admin.json.rule_levels')}</li>
          </ul>
          <ErrorSummary error={failed?.error} hrefFor={() => '#field-content'} />
          <PostForm action={`${base}/json`} className="admin-json">
            <TextArea
              name="content"
              label={t('admin.json.label', { version })}
              hint={t('admin.json.hint')}
              rows={30}
              required
              defaultValue={failed?.values.content ?? json}
              error={count > 0 ? t('admin.json.errors_above', { count }) : undefined}
            />
            <p className="hint">{t('admin.json.save_hint')}</p>
            <SubmitButton>{t('admin.edit.save')}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}
