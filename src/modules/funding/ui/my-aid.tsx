import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { allowedBy } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { Checkbox, TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { getApplication } from '../../intake/index.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { acceptAgreement } from '../use-cases/accept-agreement.ts';
import { declineAgreement } from '../use-cases/decline-agreement.ts';
import { getAgreement } from '../use-cases/get-agreement.ts';
import { listAgreements } from '../use-cases/list-agreements.ts';
import { listRecoveries, repaymentPayee } from '../use-cases/list-recoveries.ts';
import { proposeAmendment } from '../use-cases/propose-amendment.ts';
import { linesOfRows, rowsAfterEdit, rowsOfForm, rowsOfLines, rowsToShow } from './agreement-lines.ts';
import { AgreementHistory, GrantSection, LinesEditor, LinesTable, MoneyAndDays } from './agreement-parts.tsx';
import { shownAgreement } from './agreement-shown.ts';
import { RecoveryFacts, type ShownRecovery, shownRecovery } from './recovery-parts.tsx';

/**
 * The business's agreement the retailer reads: the latest one offered to them (a draft is the team's
 * work in progress, not yet theirs to read), and whether one is being prepared.
 */
async function currentAgreement(ctx: Ctx, applicationId: string) {
  const detail = await getApplication(ctx, applicationId);
  if (detail.access !== 'full') throw new AppError('not_found');
  const all = await listAgreements(ctx, { applicationId });
  const b = detail.application.business;
  return {
    business: b.tradeName || b.legalName || '—',
    current: all.find((a) => a.status !== 'draft'),
    preparing: all.some((a) => a.status === 'draft'),
  };
}

export const loader = pageLoader(async ({ ctx, params }) => {
  const applicationId = params.id ?? '';
  const { business, current, preparing } = await currentAgreement(ctx, applicationId);
  if (!current) return { applicationId, business, preparing, agreement: null, recoveries: [] };
  const [view, { items: recoveries }] = await Promise.all([
    getAgreement(ctx, current.id),
    listRecoveries(ctx, { applicationId }),
  ]);
  const can = allowedBy(fundingPolicies);
  return {
    applicationId,
    business,
    preparing,
    recoveries: recoveries.map((r) => shownRecovery(r, ctx.locale)),
    payee: repaymentPayee(ctx, ctx.locale),
    agreement: shownAgreement(view, ctx.locale),
    amendment: { rows: rowsOfLines(view.lines, ctx.locale), values: {} as Record<string, string> },
    can: {
      respond: view.canAccept && can(ctx.actor, 'agreement.respond', view),
      amend: view.status === 'accepted' && can(ctx.actor, 'agreement.amend', view),
    },
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const { current } = await currentAgreement(ctx, params.id ?? '');
  if (!current) throw new AppError('not_found');
  switch (form.intent) {
    case 'accept':
      await acceptAgreement(ctx, current.id, {
        attestation: form.attestation === 'yes',
        name: form.name ?? '',
      });
      return { done: 'accepted' as const };
    case 'decline':
      await withFieldNames({ reason: 'declineReason' }, () =>
        declineAgreement(ctx, current.id, { reason: form.declineReason ?? '' }),
      );
      return { done: 'declined' as const };
    case 'amend': {
      const { lines, names } = linesOfRows(rowsOfForm(form));
      const proposed = await withFieldNames({ ...names, reason: 'amendReason' }, () =>
        proposeAmendment(ctx, current.id, { lines, reason: form.amendReason ?? '' }),
      );
      return { done: proposed.applied ? ('amended' as const) : ('amendment_requested' as const) };
    }
    default: {
      const rows = rowsAfterEdit(form);
      if (!rows) throw new AppError('bad_request');
      return { rows, values: form };
    }
  }
});

/** « Mon aide »: the retailer's grant agreement, what it pays and when, and what they may do with it. */
export default function MyAid() {
  const { t } = useTranslation('funding');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const failedIntent = failed?.values.intent;
  const done = result && 'done' in result ? result.done : undefined;
  const a = data.agreement;
  return (
    <div>
      <PageTitle title={t('agreements.pages.aid.title')}>{t('agreements.pages.aid.title')}</PageTitle>
      <p>{data.business}</p>
      <ErrorSummary error={failed?.error} />
      {done ? (
        <Notice kind="success">
          <p>{t(`agreements.pages.aid.done_${done}`)}</p>
        </Notice>
      ) : null}
      {!a ? (
        <p>{data.preparing ? t('agreements.pages.aid.preparing') : t('agreements.pages.aid.none')}</p>
      ) : (
        <>
          <p>
            {t('agreements.pages.status')}{' '}
            <span className="status-badge">{t(`agreementStatuses.${a.status}`)}</span>
          </p>
          <p>
            {t(`agreements.pages.aid.status_${a.status}`, {
              date: a.acceptBy ?? '',
              reason: a.endReason ?? '',
            })}
          </p>
          <ul className="bullets">
            <li>
              <a href={`/api/v1/agreements/${a.id}/letter.pdf`} download>
                {t('agreements.pages.letter')}
              </a>
            </li>
            {['accepted', 'amendment_requested', 'closed'].includes(a.status) ? (
              <>
                <li>
                  <Link to={`/agreements/${a.id}/claims`}>{t('agreements.pages.aid.claims_link')}</Link>
                </li>
                <li>
                  <Link to={`/my-aid/bank-account?application=${data.applicationId}`}>
                    {t('agreements.pages.aid.bank_link')}
                  </Link>
                </li>
              </>
            ) : null}
          </ul>

          <GrantSection agreement={a} />
          <section aria-labelledby="lines-title">
            <h2 id="lines-title">{t('fields.lines')}</h2>
            <LinesTable lines={a.lines} />
          </section>
          <MoneyAndDays agreement={a} />
          {/* Read first, then answer: the offer's figures come before the forms. */}
          {data.can?.respond ? <Respond failedIntent={failedIntent} failed={failed} errors={errors} /> : null}

          {data.can?.amend && data.amendment ? (
            <Amend
              shown={rowsToShow(result && !('done' in result) ? result : undefined, data.amendment)}
              errors={errors}
              reason={failedIntent === 'amend' ? (failed?.values.amendReason ?? '') : ''}
            />
          ) : null}
          <AgreementHistory history={a.history} />
        </>
      )}
      {data.recoveries.length > 0 ? (
        <Recoveries recoveries={data.recoveries} payee={data.payee ?? ''} />
      ) : null}
    </div>
  );
}

/** What the business must pay back, why, what it repaid, what is left, and how to pay it. */
function Recoveries({ recoveries, payee }: { recoveries: ShownRecovery[]; payee: string }) {
  const { t } = useTranslation('funding');
  return (
    <section aria-labelledby="recoveries-title">
      <h2 id="recoveries-title">{t('payments.recovery.title')}</h2>
      <p>{t('payments.recovery.intro')}</p>
      {recoveries.map((r) => (
        <RecoveryFacts key={r.id} recovery={r}>
          <p>
            {r.open
              ? t('payments.recovery.how_to', { payee, reference: r.reference })
              : t('payments.recovery.settled')}
          </p>
        </RecoveryFacts>
      ))}
    </section>
  );
}

type Failure = { values: Record<string, string> } | undefined;

/** Accept (attestation, name typed: the click-through signature) or decline, saying why. */
function Respond({
  failed,
  failedIntent,
  errors,
}: {
  failed: Failure;
  failedIntent: string | undefined;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('funding');
  const mine = (intent: string) => (failedIntent === intent ? errors : {});
  return (
    <>
      <section aria-labelledby="accept-title" className="card">
        <h2 id="accept-title">{t('agreements.pages.aid.accept_title')}</h2>
        <p>{t('agreements.pages.aid.accept_intro')}</p>
        <PostForm className="stack">
          <Checkbox
            name="attestation"
            value="yes"
            label={t('agreements.attestation')}
            error={mine('accept').attestation}
          />
          <TextField
            name="name"
            label={t('agreements.pages.aid.signature')}
            hint={t('agreements.pages.aid.signature_hint')}
            required
            autoComplete="name"
            defaultValue={failedIntent === 'accept' ? failed?.values.name : ''}
            error={mine('accept').name}
          />
          <SubmitButton name="intent" value="accept">
            {t('agreements.pages.aid.accept')}
          </SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="decline-title">
        <h2 id="decline-title">{t('agreements.pages.aid.decline_title')}</h2>
        <PostForm className="stack">
          <TextArea
            name="declineReason"
            label={t('agreements.pages.aid.decline_reason')}
            required
            rows={3}
            maxLength={2000}
            defaultValue={failedIntent === 'decline' ? failed?.values.declineReason : ''}
            error={mine('decline').declineReason}
          />
          <SubmitButton name="intent" value="decline" variant="danger">
            {t('agreements.pages.aid.decline')}
          </SubmitButton>
        </PostForm>
      </section>
    </>
  );
}

/** Ask to change the lines of an accepted agreement; small changes apply at once, others wait for the team. */
function Amend({
  shown,
  errors,
  reason,
}: {
  shown: ReturnType<typeof rowsToShow>;
  errors: Record<string, string>;
  reason: string;
}) {
  const { t } = useTranslation('funding');
  return (
    <section aria-labelledby="amend-title">
      <h2 id="amend-title">{t('agreements.pages.aid.amend_title')}</h2>
      <p>{t('agreements.pages.aid.amend_intro')}</p>
      <PostForm key={JSON.stringify(shown)}>
        <LinesEditor rows={shown.rows} errors={errors} saveIntent="amend" />
        <TextArea
          name="amendReason"
          label={t('agreements.pages.aid.amend_reason')}
          required
          rows={3}
          maxLength={2000}
          defaultValue={reason || shown.values.amendReason || ''}
          error={errors.amendReason}
        />
        <SubmitButton name="intent" value="amend">
          {t('agreements.pages.aid.amend')}
        </SubmitButton>
      </PostForm>
    </section>
  );
}
