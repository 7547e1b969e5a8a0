import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { CheckboxGroup, RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { answerSurvey } from '../use-cases/answer-survey.ts';
import { getSurvey } from '../use-cases/get-survey.ts';

import { parseDecimal, parseWhole, readable } from './values.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const s = await getSurvey(ctx, params.id ?? '');
  const answers = s.answers;
  return {
    id: s.id,
    applicationId: s.applicationId,
    business: s.business ?? '—',
    wave: s.wave,
    open: s.open,
    answeredAt: s.answeredAt ? formatDate(s.answeredAt) : null,
    // Only the retailer answers; the program team reads the answers.
    respondent: ctx.actor.kind === 'user' && ctx.actor.role === 'retailer',
    choices: s.choices,
    answers: answers
      ? {
          ...answers,
          onlineSalesShare: readable(answers.onlineSalesShare, ctx.locale),
        }
      : null,
    closing: s.closingDiagnostic
      ? { id: s.closingDiagnostic.id, completed: s.closingDiagnostic.status === 'completed' }
      : null,
  };
});

export const action = formAction(async ({ ctx, form, all, params }) => {
  const optional = <T,>(name: string, value: T | undefined) => (value === undefined ? {} : { [name]: value });
  await answerSurvey(ctx, params.id ?? '', {
    ...optional('onlineSalesShare', parseDecimal(form.onlineSalesShare)),
    ...optional('revenueChange', form.revenueChange),
    ...optional('jobsCreated', parseWhole(form.jobsCreated)),
    ...optional('jobsKept', parseWhole(form.jobsKept)),
    toolsAdopted: all('toolsAdopted'),
    ...optional('satisfactionExpert', formNumber(form.satisfactionExpert)),
    ...optional('satisfactionProgram', formNumber(form.satisfactionProgram)),
    ...(form.comments?.trim() ? { comments: form.comments } : {}),
  });
  return { answered: true as const };
});

/** The outcome survey: at closure and six months later; a thank-you once answered, and the closing diagnostic. */
export default function Survey() {
  const { t } = useTranslation('coaching');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const v = (name: string) => failed?.values[name];
  const title = t(`ui.survey.title_${data.wave}`);
  const scale = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`ui.scale.${n}`) }));
  return (
    <div className="coaching-page">
      <PageTitle title={`${title} — ${data.business}`}>{title}</PageTitle>
      <p className="lead">
        {data.business} — {t(`ui.survey.wave_${data.wave}`)}
      </p>
      <p>
        <Link
          to={data.respondent ? `/applications/${data.applicationId}` : `/caseload/${data.applicationId}`}
        >
          {data.respondent ? t('ui.survey.back_retailer') : t('ui.survey.back')}
        </Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {data.answeredAt ? (
        <Notice kind="success">
          <p>
            <strong>{t('ui.survey.thanks')}</strong> {t('ui.survey.answered_on', { date: data.answeredAt })}
          </p>
        </Notice>
      ) : !data.open ? (
        <Notice>
          <p>{t('errors.survey_not_open')}</p>
        </Notice>
      ) : null}

      {data.respondent ? <ClosingDiagnostic /> : null}

      {data.answers ? (
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">{t('ui.survey.answers')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('fields.onlineSalesShare')}</dt>
              <dd>{t('ui.survey.percent', { value: data.answers.onlineSalesShare })}</dd>
            </div>
            <div>
              <dt>{t('fields.revenueChange')}</dt>
              <dd>{t(`revenue_change.${data.answers.revenueChange}`)}</dd>
            </div>
            <div>
              <dt>{t('fields.jobsCreated')}</dt>
              <dd>{data.answers.jobsCreated}</dd>
            </div>
            <div>
              <dt>{t('fields.jobsKept')}</dt>
              <dd>{data.answers.jobsKept}</dd>
            </div>
            <div>
              <dt>{t('fields.toolsAdopted')}</dt>
              <dd>
                {data.answers.toolsAdopted.length > 0
                  ? data.answers.toolsAdopted.map((tool) => t(`ui.tools.${tool}`)).join(', ')
                  : '—'}
              </dd>
            </div>
            <div>
              <dt>{t('fields.satisfactionExpert')}</dt>
              <dd>{t(`ui.scale.${data.answers.satisfactionExpert}`)}</dd>
            </div>
            <div>
              <dt>{t('fields.satisfactionProgram')}</dt>
              <dd>{t(`ui.scale.${data.answers.satisfactionProgram}`)}</dd>
            </div>
            <div>
              <dt>{t('fields.comments')}</dt>
              <dd className="coaching-pre">{data.answers.comments || '—'}</dd>
            </div>
          </dl>
        </section>
      ) : data.open && data.respondent ? (
        <section aria-labelledby="form-title">
          <h2 id="form-title">{t('ui.survey.form_title')}</h2>
          <p>{t(`ui.survey.intro_${data.wave}`)}</p>
          <PostForm className="stack">
            <TextField
              name="onlineSalesShare"
              inputMode="decimal"
              label={t('fields.onlineSalesShare')}
              hint={t('ui.survey.share_hint')}
              required
              defaultValue={v('onlineSalesShare')}
              error={errors.onlineSalesShare}
            />
            <RadioGroup
              name="revenueChange"
              label={t('ui.survey.revenue_question')}
              required
              defaultValue={v('revenueChange')}
              options={data.choices.revenueChange.map((c) => ({ value: c, label: t(`revenue_change.${c}`) }))}
              error={errors.revenueChange}
            />
            <TextField
              name="jobsCreated"
              inputMode="numeric"
              label={t('fields.jobsCreated')}
              hint={t('ui.survey.jobs_created_hint')}
              required
              defaultValue={v('jobsCreated')}
              error={errors.jobsCreated}
            />
            <TextField
              name="jobsKept"
              inputMode="numeric"
              label={t('fields.jobsKept')}
              hint={t('ui.survey.jobs_kept_hint')}
              required
              defaultValue={v('jobsKept')}
              error={errors.jobsKept}
            />
            <CheckboxGroup
              name="toolsAdopted"
              label={t('ui.survey.tools_question')}
              hint={t('ui.survey.tools_hint')}
              options={data.choices.toolsAdopted.map((c) => ({ value: c, label: t(`ui.tools.${c}`) }))}
              defaultValues={failed?.allValues?.toolsAdopted ?? []}
              error={errors.toolsAdopted}
            />
            <RadioGroup
              name="satisfactionExpert"
              label={t('ui.survey.expert_question')}
              required
              defaultValue={v('satisfactionExpert')}
              options={scale}
              error={errors.satisfactionExpert}
            />
            <RadioGroup
              name="satisfactionProgram"
              label={t('ui.survey.program_question')}
              required
              defaultValue={v('satisfactionProgram')}
              options={scale}
              error={errors.satisfactionProgram}
            />
            <TextArea
              name="comments"
              label={t('fields.comments')}
              rows={4}
              maxLength={4000}
              defaultValue={v('comments')}
              error={errors.comments}
            />
            <p className="hint">{t('ui.survey.final')}</p>
            <SubmitButton>{t('ui.survey.submit')}</SubmitButton>
          </PostForm>
        </section>
      ) : !data.answers && data.open ? (
        <p>{t('ui.survey.not_answered')}</p>
      ) : null}
    </div>
  );
}

/** The closing (T1) diagnostic: to start, to finish, or done with its results. */
function ClosingDiagnostic() {
  const { t } = useTranslation('coaching');
  const { closing, applicationId } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="t1-title" className="card">
      <h2 id="t1-title">{t('ui.survey.t1_title')}</h2>
      {closing?.completed ? (
        <p>
          {t('ui.survey.t1_done')}{' '}
          <Link to={`/diagnostics/${closing.id}/results`}>{t('ui.survey.t1_results')}</Link>
        </p>
      ) : closing ? (
        <p>
          {t('ui.survey.t1_started')}{' '}
          <Link to={`/diagnostics/${closing.id}`}>{t('ui.survey.t1_resume')}</Link>
        </p>
      ) : (
        <>
          <p>{t('ui.survey.t1_intro')}</p>
          {/* The diagnostic module starts it, as on its own page, and opens its first part. */}
          <PostForm action={`/applications/${applicationId}/diagnostics`}>
            <input type="hidden" name="phase" value="T1" />
            <SubmitButton variant="secondary">{t('ui.survey.t1_start')}</SubmitButton>
          </PostForm>
        </>
      )}
    </section>
  );
}
