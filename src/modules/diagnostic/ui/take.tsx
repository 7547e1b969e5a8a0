import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData, useLocation } from 'react-router';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { completeDiagnostic } from '../use-cases/complete-diagnostic.ts';
import { type DiagnosticDetail, getDiagnostic } from '../use-cases/get-diagnostic.ts';
import { saveDiagnosticAnswers } from '../use-cases/save-diagnostic-answers.ts';
import { QuestionFieldset } from './questionnaire-fields.tsx';

type LocalisedQuestion = DiagnosticDetail['questionnaire']['dimensions'][number]['questions'][number];

/** Whether a question shows, from the saved answers (conditions open on earlier answers). */
function visible(q: LocalisedQuestion, answers: DiagnosticDetail['answers']) {
  if (!q.condition) return true;
  const given = [answers[q.condition.questionId] ?? []].flat();
  return given.some((c) => q.condition!.choiceIds.includes(c));
}

/** The part (dimension) to show: asked for, else the first with an unanswered question. */
function partOf(d: DiagnosticDetail, asked: string | null): number {
  const count = d.questionnaire.dimensions.length;
  const n = Number(asked);
  if (Number.isInteger(n) && n >= 1 && n <= count) return n;
  const first = d.questionnaire.dimensions.findIndex((dim) =>
    dim.questions.some((q) => d.progress.missing.includes(q.id)),
  );
  return first === -1 ? count : first + 1;
}

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const d = await getDiagnostic(ctx, params.id ?? '');
  if (d.status === 'completed') throw redirect(`/diagnostics/${d.id}/results`);
  const url = new URL(request.url);
  const part = partOf(d, url.searchParams.get('part'));
  const dimension = d.questionnaire.dimensions[part - 1]!;
  return {
    id: d.id,
    applicationId: d.applicationId,
    phase: d.phase,
    business: d.business.name,
    part,
    parts: d.questionnaire.dimensions.map((x) => x.label),
    /** The part of each question, for the error summary's links to questions of other parts. */
    partOfQuestion: Object.fromEntries(
      d.questionnaire.dimensions.flatMap((x, i) => x.questions.map((q) => [q.id, i + 1])),
    ),
    dimension: { ...dimension, questions: dimension.questions.filter((q) => visible(q, d.answers)) },
    answers: d.answers,
    progress: d.progress,
    revealed: url.searchParams.has('revealed'),
  };
});

export const action = formAction(async ({ ctx, params, form, all, request }) => {
  const id = params.id ?? '';
  const before = await getDiagnostic(ctx, id);
  const part = partOf(before, new URL(request.url).searchParams.get('part'));
  const dimension = before.questionnaire.dimensions[part - 1]!;
  const answers: Record<string, string | string[]> = {};
  for (const q of dimension.questions.filter((x) => visible(x, before.answers))) {
    if (q.type === 'multiple') answers[q.id] = all(q.id);
    else if (form[q.id]) answers[q.id] = form[q.id]!;
  }
  await saveDiagnosticAnswers(ctx, id, { answers });
  if (form.intent === 'save') return redirect(`/applications/${before.applicationId}?diagnostic=saved`);
  if (form.intent === 'previous') return redirect(`/diagnostics/${id}?part=${Math.max(1, part - 1)}`);
  // A better answer may have opened questions on this very page: show them before moving on.
  const after = await getDiagnostic(ctx, id);
  const opened = dimension.questions.some((q) => !visible(q, before.answers) && visible(q, after.answers));
  if (opened) return redirect(`/diagnostics/${id}?part=${part}&revealed=1`);
  if (part < before.questionnaire.dimensions.length) return redirect(`/diagnostics/${id}?part=${part + 1}`);
  await completeDiagnostic(ctx, id);
  return redirect(`/diagnostics/${id}/results`);
});

export default function TakeDiagnostic() {
  const { t } = useTranslation('diagnostic');
  const {
    id,
    phase,
    business,
    part,
    parts,
    partOfQuestion,
    dimension,
    answers,
    progress,
    revealed,
    applicationId,
  } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const title = t('take.title', { phase });
  useFocusOnPart(`${part}${revealed ? '-revealed' : ''}`);
  // Finishing names the questions left unanswered, which may be on other parts: each link leads there.
  const errorHref = (path: string) => {
    const questionId = path.replace(/^answers\./, '');
    const on = partOfQuestion[questionId];
    const anchor = `#field-answers-${questionId}`;
    return on === undefined || on === part ? anchor : `/diagnostics/${id}?part=${on}${anchor}`;
  };
  return (
    <div>
      <PageTitle title={`${dimension.label} — ${title}`}>{title}</PageTitle>
      <p>
        {business} · {t('take.part', { part, total: parts.length })}
      </p>
      {/* Up here rather than under the buttons: a small link right below them is too close a target (WCAG 2.5.8). */}
      <p>
        <Link to={`/applications/${applicationId}`}>{t('take.back')}</Link>
      </p>
      <label htmlFor="progress">
        {t('take.progress', { count: progress.answered, total: progress.visible })}
      </label>
      <progress id="progress" className="progress" max={progress.visible} value={progress.answered} />
      <nav aria-label={t('take.parts')}>
        <ol className="steps">
          {parts.map((label, i) => (
            <li key={label} aria-current={i + 1 === part ? 'step' : undefined}>
              {i + 1 === part ? label : <Link to={`/diagnostics/${id}?part=${i + 1}`}>{label}</Link>}
            </li>
          ))}
        </ol>
      </nav>
      <ErrorSummary error={failed?.error} hrefFor={errorHref} />
      {revealed ? (
        <Notice>
          <p>{t('take.revealed')}</p>
        </Notice>
      ) : null}
      <h2>{dimension.label}</h2>
      <p>{dimension.description}</p>
      <PostForm action={`/diagnostics/${id}?part=${part}`}>
        {dimension.questions.map((q) => (
          <QuestionFieldset
            key={q.id}
            question={q}
            given={[answers[q.id] ?? []].flat()}
            error={failed?.error.errors.find((e) => e.path === `answers.${q.id}`)?.message}
            severalHint={t('take.several')}
          />
        ))}
        <div className="actions">
          <SubmitButton name="intent" value="next">
            {part < parts.length ? t('take.next') : t('take.finish')}
          </SubmitButton>
          {part > 1 ? (
            <SubmitButton name="intent" value="previous" variant="secondary">
              {t('take.previous')}
            </SubmitButton>
          ) : null}
          <SubmitButton name="intent" value="save" variant="secondary">
            {t('take.later')}
          </SubmitButton>
        </div>
      </PostForm>
    </div>
  );
}

/**
 * The parts share one address but for their query, so root.tsx's focus handling does not see a new
 * page: here, a new part (or new questions opened on this one) moves the focus to the main content, as
 * another page would, rather than leaving it on the button at the bottom. Arriving at a question from an
 * error summary's link (`#field-answers-…`) puts the focus on its first choice.
 */
function useFocusOnPart(page: string) {
  const { hash } = useLocation();
  const shown = useRef(page);
  useEffect(() => {
    const here = `${page}${hash}`;
    if (shown.current === here) return;
    shown.current = here;
    const question = hash.startsWith('#field-answers-') ? document.getElementById(hash.slice(1)) : null;
    const first = question?.querySelector<HTMLElement>('input');
    if (first) first.focus();
    else document.getElementById('main')?.focus();
  }, [page, hash]);
}
