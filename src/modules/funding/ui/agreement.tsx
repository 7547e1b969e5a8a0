import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { allowedBy } from '../../../platform/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { dollarsForInput } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { closeAgreement } from '../use-cases/close-agreement.ts';
import { decideAmendment } from '../use-cases/decide-amendment.ts';
import { getAgreement } from '../use-cases/get-agreement.ts';
import { offerAgreement } from '../use-cases/offer-agreement.ts';
import { updateAgreement } from '../use-cases/update-agreement.ts';
import { rowsAfterEdit, rowsOfLines, rowsToShow, termsOfForm } from './agreement-lines.ts';
import { AgreementHistory, GrantSection, LinesTable, MoneyAndDays, TermsFields } from './agreement-parts.tsx';
import { shownAgreement } from './agreement-shown.ts';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const view = await getAgreement(ctx, params.id ?? '');
  const can = allowedBy(fundingPolicies);
  // The retailer's own view is « Mon aide », in their words.
  if (can(ctx.actor, 'agreement.respond', view)) throw redirect(`/applications/${view.applicationId}/aid`);
  return {
    agreement: shownAgreement(view, ctx.locale),
    edit: {
      rows: rowsOfLines(view.lines, ctx.locale),
      values: {
        otherPublicAid: dollarsForInput(view.otherPublicAidCents, ctx.locale),
        gstRegistered: view.gstRegistered ? 'yes' : '',
        qstRegistered: view.qstRegistered ? 'yes' : '',
      } as Record<string, string>,
    },
    // A month to answer, as a starting point the coordinator changes at will.
    suggestedAcceptBy: formatDate(new Date(ctx.now().getTime() + 30 * 86_400_000)),
    prepared: new URL(request.url).searchParams.has('prepared'),
    can: {
      prepare: can(ctx.actor, 'agreement.prepare'),
      decide: can(ctx.actor, 'agreement.decide'),
      ledger: can(ctx.actor, 'ledger.list'),
    },
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const id = params.id ?? '';
  const version = Number(form.version);
  switch (form.intent) {
    case 'save': {
      const { terms, names } = termsOfForm(form);
      await withFieldNames(names, () => updateAgreement(ctx, id, { ...terms, version }));
      return { done: 'saved' as const };
    }
    case 'offer':
      await offerAgreement(ctx, id, { acceptBy: form.acceptBy ?? '', version });
      return { done: 'offered' as const };
    case 'decide':
      await withFieldNames({ reason: 'decisionReason' }, () =>
        decideAmendment(ctx, id, form.amendmentId ?? '', {
          decision: form.decision,
          reason: form.decisionReason ?? '',
        }),
      );
      return { done: `amendment_${form.decision === 'approved' ? 'approved' : 'refused'}` as const };
    case 'close':
      await withFieldNames({ reason: 'closeReason' }, () =>
        closeAgreement(ctx, id, { reason: form.closeReason ?? '' }),
      );
      return { done: 'closed' as const };
    default: {
      const rows = rowsAfterEdit(form);
      if (!rows) throw new AppError('bad_request');
      return { rows, values: form };
    }
  }
});

/** An agreement for the program team and finance: its lines, grant, money, history and the team's actions. */
export default function AgreementPage() {
  const { t } = useTranslation('funding');
  const { agreement: a, edit, can, prepared, suggestedAcceptBy } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const failedIntent = failed?.values.intent;
  const done = result && 'done' in result ? result.done : undefined;
  const shown = rowsToShow(result && !('done' in result) ? result : undefined, edit);
  return (
    <div>
      <PageTitle title={t('agreements.pages.detail.title', { business: a.businessName })}>
        {t('agreements.pages.detail.title', { business: a.businessName })}
      </PageTitle>
      <p>
        {t('agreements.pages.status')}{' '}
        <span className="status-badge">{t(`agreementStatuses.${a.status}`)}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('agreements.pages.program')}</dt>
          <dd>{a.programName}</dd>
        </div>
        <div>
          <dt>{t('fields.envelope')}</dt>
          <dd>{a.envelopeName}</dd>
        </div>
        <div>
          <dt>{t('fields.fiscalYear')}</dt>
          <dd>{a.fiscalYear}</dd>
        </div>
        <div>
          <dt>{t('agreements.pages.rules_version')}</dt>
          <dd>{a.rulesVersion}</dd>
        </div>
      </dl>
      <ul className="bullets">
        {can.prepare ? (
          <li>
            <Link to={`/caseload/${a.applicationId}`}>{t('agreements.pages.detail.file_link')}</Link>
          </li>
        ) : null}
        {can.ledger ? (
          <li>
            <Link to={`/applications/${a.applicationId}/ledger`}>{t('ledger.link')}</Link>
          </li>
        ) : null}
        {a.status === 'draft' ? null : (
          <li>
            <a href={`/api/v1/agreements/${a.id}/letter.pdf`} download>
              {t('agreements.pages.letter')}
            </a>
          </li>
        )}
      </ul>
      <ErrorSummary error={failed?.error} />
      {prepared && a.status === 'draft' && !result ? (
        <Notice kind="success">
          <p>{t('agreements.pages.detail.prepared')}</p>
        </Notice>
      ) : null}
      {done ? (
        <Notice kind="success">
          <p>{t(`agreements.pages.detail.done_${done}`)}</p>
        </Notice>
      ) : null}
      {a.endReason && a.status !== 'declined' && a.status !== 'closed' ? (
        <p>{t('agreements.pages.event_with_detail', { event: t('fields.reason'), detail: a.endReason })}</p>
      ) : null}

      <GrantSection agreement={a} />
      <section aria-labelledby="lines-title">
        <h2 id="lines-title">{t('fields.lines')}</h2>
        <LinesTable lines={a.lines} />
        <p>
          {t('agreements.pages.other_aid_and_taxes', {
            other: a.otherPublicAid,
            gst: t(a.gstRegistered ? 'agreements.pages.yes' : 'agreements.pages.no'),
            qst: t(a.qstRegistered ? 'agreements.pages.yes' : 'agreements.pages.no'),
          })}
        </p>
      </section>
      <MoneyAndDays agreement={a} />

      {a.status === 'draft' && can.prepare ? (
        <>
          <section aria-labelledby="edit-title">
            <h2 id="edit-title">{t('agreements.pages.detail.edit_title')}</h2>
            <p>{t('agreements.pages.detail.edit_intro')}</p>
            <PostForm key={JSON.stringify(shown)}>
              <input type="hidden" name="version" value={a.version} />
              <TermsFields
                rows={shown.rows}
                values={shown.values}
                errors={failedIntent === 'offer' ? {} : errors}
                saveIntent="save"
              />
              <SubmitButton name="intent" value="save">
                {t('agreements.pages.save')}
              </SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="offer-title">
            <h2 id="offer-title">{t('agreements.pages.detail.offer_title')}</h2>
            <p>{t('agreements.pages.detail.offer_intro')}</p>
            <PostForm className="stack">
              <input type="hidden" name="version" value={a.version} />
              <TextField
                name="acceptBy"
                type="date"
                label={t('fields.acceptBy')}
                hint={t('agreements.pages.date_hint')}
                required
                defaultValue={failedIntent === 'offer' ? failed?.values.acceptBy : suggestedAcceptBy}
                error={failedIntent === 'offer' ? errors.acceptBy : undefined}
              />
              <SubmitButton name="intent" value="offer">
                {t('agreements.pages.detail.offer')}
              </SubmitButton>
            </PostForm>
          </section>
        </>
      ) : null}

      {a.amendments.length > 0 ? (
        <section aria-labelledby="amendments-title">
          <h2 id="amendments-title">{t('agreements.pages.amendments')}</h2>
          {a.amendments.map((m) => (
            <article key={m.id} className="card" aria-labelledby={`amendment-${m.id}`}>
              <h3 id={`amendment-${m.id}`}>
                {t('agreements.pages.detail.amendment_of', { date: m.requestedAt })}
              </h3>
              <p>
                {t('agreements.pages.event_with_detail', { event: t('fields.reason'), detail: m.reason })}
              </p>
              <ul className="bullets">
                {m.lines.map((l) => (
                  <li key={l.key}>
                    {t('agreements.pages.proposed_line', {
                      category: t(`categories.${l.category}`),
                      description: l.description,
                      amount: l.amount,
                    })}
                  </li>
                ))}
              </ul>
              {m.decision ? (
                <p>
                  {t(`agreements.pages.event.amendment_${m.decision}`)} ({m.decidedAt})
                  {m.decisionReason ? ` — ${m.decisionReason}` : ''}
                </p>
              ) : can.decide ? (
                <PostForm className="stack">
                  <input type="hidden" name="amendmentId" value={m.id} />
                  <RadioGroup
                    name="decision"
                    label={t('fields.decision')}
                    required
                    options={(['approved', 'refused'] as const).map((d) => ({
                      value: d,
                      label: t(`agreements.pages.decision.${d}`),
                    }))}
                    defaultValue={failedIntent === 'decide' ? failed?.values.decision : undefined}
                    error={failedIntent === 'decide' ? errors.decision : undefined}
                  />
                  <TextArea
                    name="decisionReason"
                    label={t('agreements.pages.detail.decision_reason')}
                    hint={t('agreements.pages.detail.decision_reason_hint')}
                    rows={3}
                    maxLength={2000}
                    defaultValue={failedIntent === 'decide' ? failed?.values.decisionReason : ''}
                    error={failedIntent === 'decide' ? errors.decisionReason : undefined}
                  />
                  <SubmitButton name="intent" value="decide">
                    {t('agreements.pages.detail.decide')}
                  </SubmitButton>
                </PostForm>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}

      {a.status === 'accepted' && can.decide ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{t('agreements.pages.detail.close_title')}</h2>
          <p>{t('agreements.pages.detail.close_intro')}</p>
          <PostForm className="stack">
            <TextArea
              name="closeReason"
              label={t('fields.reason')}
              required
              rows={3}
              maxLength={2000}
              defaultValue={failedIntent === 'close' ? failed?.values.closeReason : ''}
              error={failedIntent === 'close' ? errors.closeReason : undefined}
            />
            <SubmitButton name="intent" value="close" variant="danger">
              {t('agreements.pages.detail.close')}
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}

      <AgreementHistory history={a.history} />
    </div>
  );
}
