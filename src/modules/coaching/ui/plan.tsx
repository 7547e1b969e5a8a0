import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDate, formatMoney } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import type { LocalisedError } from '../../../platform/http/problem.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
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
import { ACTION_NOTE_MAX, ACTION_STATUSES } from '../domain/plan.ts';
import { getCoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { getPlan } from '../use-cases/get-plan.ts';
import { listSuppliers } from '../use-cases/list-suppliers.ts';
import { savePlan } from '../use-cases/save-plan.ts';
import { updateActionProgress } from '../use-cases/update-action-progress.ts';
import { Badge } from './fields.tsx';
import {
  editPlanForm,
  MAX_ACTIONS,
  type PlanForm,
  planEditOf,
  planFormFrom,
  planFormOf,
  planInputOf,
} from './plan-form.ts';
import { versionOf } from './values.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const id = params.id ?? '';
  const [plan, overview] = await Promise.all([getPlan(ctx, id), getCoachingOverview(ctx, id)]);
  const editor = overview.can.editPlan;
  const needsSuppliers = editor || plan.actions.some((a) => a.supplierId);
  const directory = needsSuppliers ? (await listSuppliers(ctx, { all: 'true' })).items : [];
  const names = new Map(directory.map((s) => [s.id, s.name]));
  // The view's type loses what the actions carry besides their content: their id and origin.
  const actions = plan.actions as ((typeof plan.actions)[number] & {
    id: string | null;
    recommendationKey: string | null;
  })[];
  const form = planFormOf({ ...plan, actions }, ctx.locale);
  return {
    id,
    business: overview.business ?? '—',
    closed: overview.closed !== null,
    saved: plan.saved,
    status: plan.status,
    approvedAt: plan.approvedAt ? formatDate(plan.approvedAt) : null,
    updatedAt: plan.updatedAt ? formatDate(plan.updatedAt) : null,
    progress: plan.progress,
    missing: plan.missing.length,
    editor,
    retailer: overview.can.answerSurveys,
    progressEditable: !editor && overview.can.updateProgress && plan.saved,
    form,
    version: versionOf(form),
    view: {
      currentState: plan.currentState,
      goals: plan.goals,
      budget: plan.budgetCents === null ? null : formatMoney(plan.budgetCents, ctx.locale),
      timeline: plan.timeline,
      actions: actions.map((a, i) => ({
        key: a.id ?? `suggested-${i}`,
        id: a.id,
        objective: a.objective,
        steps: a.steps,
        owner: a.owner,
        dueDate: a.dueDate,
        cost: a.estimatedCostCents === null ? null : formatMoney(a.estimatedCostCents, ctx.locale),
        status: a.status,
        note: a.note,
        overdue: a.overdue,
        supplier: a.supplierId ? { id: a.supplierId, name: names.get(a.supplierId) ?? null } : null,
      })),
    },
    suppliers: editor
      ? directory.map((s) => ({
          value: s.id,
          label: s.active ? s.name : `${s.name} (${ctx.t('coaching:ui.suppliers.inactive')})`,
        }))
      : [],
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const id = params.id ?? '';
  if (form.intent === 'progress') {
    await updateActionProgress(ctx, id, form.actionId ?? '', { status: form.status });
    return { progressed: form.actionId ?? '' };
  }
  const planForm = planFormFrom(form);
  const edit = planEditOf(form.op);
  if (edit) {
    // Adding, removing and moving actions only redraw the form: nothing is saved until a save button.
    const { form: editing, focus } = editPlanForm(planForm, edit, `new-${crypto.randomUUID()}`);
    return { editing, edit, focus, nonce: Date.now() };
  }
  if (form.op !== 'draft' && form.op !== 'approve') throw new AppError('bad_request');
  const saved = await savePlan(ctx, id, planInputOf(planForm, form.op === 'approve' ? 'approved' : 'draft'));
  return { saved: saved.status };
});

/**
 * The action plan of a business: an editor for its expert and the program team (actions added, removed
 * and moved without JavaScript), a readable plan with progress forms for the retailer.
 */
export default function ActionPlan() {
  const { t } = useTranslation('coaching');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const title = t('ui.plan.page_title', { business: data.business });
  return (
    <div className="coaching-page">
      <PageTitle title={title}>{t('ui.plan.title')}</PageTitle>
      <p className="lead">{data.business}</p>
      <p>
        <Link to={data.editor ? `/caseload/${data.id}` : `/applications/${data.id}`}>
          {data.editor ? t('ui.plan.back') : t('ui.plan.back_retailer')}
        </Link>
      </p>
      <p>
        <Badge kind={data.status === 'approved' ? 'done' : 'neutral'}>
          {t(`ui.plan_status.${data.status}`)}
        </Badge>{' '}
        {data.approvedAt ? t('ui.plan.approved_on', { date: data.approvedAt }) : null}{' '}
        {data.progress.total > 0 ? t('ui.plan_progress', data.progress) : null}
      </p>
      {!data.saved ? (
        <Notice kind="warning">
          <p>
            <strong>{t('ui.plan.suggested')}</strong>{' '}
            {data.editor ? t('ui.plan.suggested_editor') : t('ui.plan.suggested_retailer')}
          </p>
        </Notice>
      ) : null}
      {data.closed ? (
        <Notice>
          <p>{t('ui.plan.closed')}</p>
        </Notice>
      ) : null}
      {data.editor ? <PlanEditor /> : <PlanView failedError={failed?.error} />}
    </div>
  );
}

function PlanEditor() {
  const { t } = useTranslation('coaching');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const editing =
    result && !('error' in result) && result.editing
      ? { form: result.editing, edit: result.edit!, focus: result.focus!, nonce: result.nonce }
      : undefined;
  const saved = result && 'saved' in result ? result.saved : undefined;
  const errors = fieldErrors(failed?.error);
  const form: PlanForm = editing ? editing.form : failed ? planFormFrom(failed.values) : data.form;
  const focusId = editing ? (editing.focus >= 0 ? `action-${editing.focus}` : 'field-actions') : undefined;
  // Once per edit (the same action may be the target twice in a row): the nonce is part of the key.
  const focusKey = focusId ? `${focusId} ${editing?.nonce}` : undefined;
  useEffect(() => {
    if (focusKey) document.getElementById(focusKey.split(' ')[0]!)?.focus();
  }, [focusKey]);
  const approved = data.status === 'approved';
  const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: t(`action_status.${s}`) }));
  const supplierOptions = (current: string) => [
    { value: '', label: t('ui.plan.no_supplier') },
    ...data.suppliers,
    ...(current && !data.suppliers.some((s) => s.value === current)
      ? [{ value: current, label: t('ui.plan.unknown_supplier') }]
      : []),
  ];
  const saveButtons = (
    <div className="actions plan-save">
      <SubmitButton name="op" value={approved ? 'approve' : 'draft'}>
        {approved ? t('ui.plan.save_approved') : t('ui.plan.save_draft')}
      </SubmitButton>
      <SubmitButton name="op" value={approved ? 'draft' : 'approve'} variant="secondary">
        {approved ? t('ui.plan.back_to_draft') : t('ui.plan.approve')}
      </SubmitButton>
    </div>
  );
  return (
    <>
      <ErrorSummary error={failed?.error} />
      {saved ? (
        <Notice kind="success">
          <p>{saved === 'approved' ? t('ui.plan.saved_approved') : t('ui.plan.saved_draft')}</p>
        </Notice>
      ) : null}
      {editing ? (
        <Notice kind="warning">
          <p role="status">
            {t(`ui.plan.edited_${editing.edit.op}`, {
              position: editing.edit.index + 1,
              to: editing.focus + 1,
            })}{' '}
            {t('ui.plan.not_saved_yet')}
          </p>
        </Notice>
      ) : null}
      <p>{t('ui.plan.editor_intro')}</p>
      <p>{t('ui.plan.required_note')}</p>
      {approved ? null : (
        <p className="hint">
          {data.missing > 0 ? t('ui.plan.missing', { count: data.missing }) : t('ui.plan.complete')}
        </p>
      )}
      <PostForm className="plan-editor" key={`${data.version}:${editing?.nonce ?? ''}`}>
        {/* The first button is the one Enter presses in a text field: saving, never moving an action. */}
        {saveButtons}
        <TextArea
          name="currentState"
          required
          label={t('fields.currentState')}
          hint={t('ui.plan.current_state_hint')}
          rows={4}
          maxLength={8000}
          defaultValue={form.currentState}
          error={errors.currentState}
        />
        <TextArea
          name="goals"
          required
          label={t('fields.goals')}
          hint={t('ui.plan.goals_hint')}
          rows={4}
          maxLength={8000}
          defaultValue={form.goals}
          error={errors.goals}
        />
        <TextField
          name="budgetCents"
          required
          label={t('ui.plan.budget')}
          hint={t('ui.plan.money_hint')}
          inputMode="decimal"
          defaultValue={form.budgetCents}
          error={errors.budgetCents}
        />
        <TextArea
          name="timeline"
          required
          label={t('fields.timeline')}
          hint={t('ui.plan.timeline_hint')}
          rows={3}
          maxLength={4000}
          defaultValue={form.timeline}
          error={errors.timeline}
        />
        <section id="field-actions" tabIndex={-1} aria-labelledby="actions-title" className="plan-actions">
          <h2 id="actions-title">{t('ui.plan.actions_title')}</h2>
          <p className="hint">{t('ui.plan.actions_hint')}</p>
          {errors.actions ? (
            <p className="error-message">
              <span className="sr-only">{t('app:form.error_prefix')} </span>
              {errors.actions}
            </p>
          ) : null}
          {form.actions.length === 0 ? <p>{t('ui.plan.no_action')}</p> : null}
          {form.actions.map((a, i) => {
            const name = (field: string) => `actions.${i}.${field}`;
            const position = i + 1;
            return (
              <fieldset key={a.key} id={`action-${i}`} tabIndex={-1} className="plan-action">
                <legend>
                  {t('ui.plan.action_legend', { position })}
                  {a.objective ? ` — ${a.objective}` : ''}
                </legend>
                <input type="hidden" name={name('key')} value={a.key} />
                <input type="hidden" name={name('id')} value={a.id} />
                <input type="hidden" name={name('recommendationKey')} value={a.recommendationKey} />
                <TextField
                  name={name('objective')}
                  required
                  label={t('fields.objective')}
                  defaultValue={a.objective}
                  error={errors[name('objective')]}
                />
                <TextArea
                  name={name('steps')}
                  required
                  label={t('fields.steps')}
                  rows={3}
                  maxLength={4000}
                  defaultValue={a.steps}
                  error={errors[name('steps')]}
                />
                <div className="coaching-row">
                  <TextField
                    name={name('owner')}
                    required
                    label={t('fields.owner')}
                    hint={t('ui.plan.owner_hint')}
                    defaultValue={a.owner}
                    error={errors[name('owner')]}
                  />
                  <TextField
                    name={name('dueDate')}
                    required
                    type="date"
                    label={t('fields.dueDate')}
                    hint={t('ui.plan.date_hint')}
                    defaultValue={a.dueDate}
                    error={errors[name('dueDate')]}
                  />
                </div>
                <div className="coaching-row">
                  <TextField
                    name={name('estimatedCostCents')}
                    required
                    label={t('ui.plan.cost')}
                    hint={t('ui.plan.money_hint')}
                    inputMode="decimal"
                    defaultValue={a.estimatedCostCents}
                    error={errors[name('estimatedCostCents')]}
                  />
                  <SelectField
                    name={name('status')}
                    label={t('fields.status')}
                    required
                    defaultValue={a.status}
                    options={statusOptions}
                    error={errors[name('status')]}
                  />
                </div>
                <TextArea
                  name={name('note')}
                  label={t('fields.note')}
                  hint={t('ui.plan.note_hint')}
                  rows={2}
                  maxLength={ACTION_NOTE_MAX}
                  defaultValue={a.note}
                  error={errors[name('note')]}
                />
                <SelectField
                  name={name('supplierId')}
                  label={t('fields.supplierId')}
                  hint={t('ui.plan.supplier_hint')}
                  defaultValue={a.supplierId}
                  options={supplierOptions(a.supplierId)}
                  error={errors[name('supplierId')]}
                />
                <div className="actions">
                  {i > 0 ? (
                    <SubmitButton name="op" value={`up:${i}`} variant="secondary">
                      {t('ui.plan.move_up')}
                      <span className="sr-only"> {t('ui.plan.action_legend', { position })}</span>
                    </SubmitButton>
                  ) : null}
                  {i + 1 < form.actions.length ? (
                    <SubmitButton name="op" value={`down:${i}`} variant="secondary">
                      {t('ui.plan.move_down')}
                      <span className="sr-only"> {t('ui.plan.action_legend', { position })}</span>
                    </SubmitButton>
                  ) : null}
                  <SubmitButton name="op" value={`remove:${i}`} variant="secondary">
                    {t('ui.plan.remove')}
                    <span className="sr-only"> {t('ui.plan.action_legend', { position })}</span>
                  </SubmitButton>
                </div>
              </fieldset>
            );
          })}
          {form.actions.length < MAX_ACTIONS ? (
            <SubmitButton name="op" value="add" variant="secondary">
              {t('ui.plan.add')}
            </SubmitButton>
          ) : null}
        </section>
        {saveButtons}
      </PostForm>
    </>
  );
}

function PlanView({ failedError }: { failedError: LocalisedError | undefined }) {
  const { t } = useTranslation('coaching');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const progressed = result && 'progressed' in result ? result.progressed : undefined;
  const v = data.view;
  const text = (value: string | null) => (value?.trim() ? value : '—');
  return (
    <>
      <ErrorSummary error={failedError} hrefFor={() => '#actions-title'} />
      {progressed ? (
        <Notice kind="success">
          <p>{t('ui.plan.progress_saved')}</p>
        </Notice>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('fields.currentState')}</dt>
          <dd className="coaching-pre">{text(v.currentState)}</dd>
        </div>
        <div>
          <dt>{t('fields.goals')}</dt>
          <dd className="coaching-pre">{text(v.goals)}</dd>
        </div>
        <div>
          <dt>{t('fields.budgetCents')}</dt>
          <dd>{v.budget ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('fields.timeline')}</dt>
          <dd className="coaching-pre">{text(v.timeline)}</dd>
        </div>
      </dl>
      <h2 id="actions-title">{t('ui.plan.actions_title')}</h2>
      {v.actions.length === 0 ? <p>{t('ui.plan.no_action')}</p> : null}
      <ol className="plan-view-actions">
        {v.actions.map((a, i) => (
          <li key={a.key} className="card">
            <h3>
              {t('ui.plan.action_title', {
                position: i + 1,
                objective: a.objective || t('ui.plan.untitled'),
              })}
            </h3>
            <p>
              <Badge kind={a.status === 'done' ? 'done' : 'neutral'}>{t(`action_status.${a.status}`)}</Badge>
              {a.overdue ? (
                <>
                  {' '}
                  <Badge kind="alert">{t('ui.plan.overdue')}</Badge>
                </>
              ) : null}
            </p>
            <dl className="facts">
              <div>
                <dt>{t('fields.steps')}</dt>
                <dd className="coaching-pre">{text(a.steps)}</dd>
              </div>
              <div>
                <dt>{t('fields.owner')}</dt>
                <dd>{text(a.owner)}</dd>
              </div>
              <div>
                <dt>{t('fields.dueDate')}</dt>
                <dd>{a.dueDate ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('fields.estimatedCostCents')}</dt>
                <dd>{a.cost ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('fields.note')}</dt>
                <dd className="coaching-pre">{text(a.note)}</dd>
              </div>
              <div>
                <dt>{t('fields.supplierId')}</dt>
                <dd>
                  {a.supplier ? (
                    <>
                      {a.supplier.name ?? t('ui.plan.unknown_supplier')}
                      {a.supplier.name ? (
                        <>
                          {' '}
                          <Link to={`/suppliers#supplier-${a.supplier.id}`}>
                            {data.retailer ? t('ui.plan.see_and_rate') : t('ui.plan.see_supplier')}
                            <span className="sr-only"> ({a.supplier.name})</span>
                          </Link>
                        </>
                      ) : null}
                    </>
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
            </dl>
            {data.progressEditable && a.id ? (
              <PostForm className="coaching-inline-form" key={a.status}>
                <input type="hidden" name="intent" value="progress" />
                <input type="hidden" name="actionId" value={a.id} />
                <SelectField
                  id={`progress-${a.id}`}
                  name="status"
                  label={t('ui.plan.where', { position: i + 1 })}
                  required
                  defaultValue={a.status}
                  options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`action_status.${s}`) }))}
                />
                <SubmitButton variant="secondary">
                  {t('ui.plan.update')}
                  <span className="sr-only"> ({t('ui.plan.action_legend', { position: i + 1 })})</span>
                </SubmitButton>
              </PostForm>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
