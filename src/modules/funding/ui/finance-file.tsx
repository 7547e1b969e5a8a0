import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime, formatMoney } from '../../../kernel/format.ts';
import { allowedBy } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { readDollars } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { createRecovery } from '../use-cases/create-recovery.ts';
import { getBankAccount } from '../use-cases/get-bank-account.ts';
import { getRegistryOverride } from '../use-cases/get-registry-override.ts';
import { listRecoveries } from '../use-cases/list-recoveries.ts';
import { recordRegistryOverride } from '../use-cases/record-registry-override.ts';
import { recordRepayment } from '../use-cases/record-repayment.ts';
import { verifyBankAccount } from '../use-cases/verify-bank-account.ts';
import { RecoveryFacts, shownRecovery } from './recovery-parts.tsx';

/** Finance's view of a business's file: its bank details to verify, its recoveries and repayments. */
export const loader = pageLoader(async ({ ctx, params }) => {
  const id = params.id ?? '';
  const bank = await getBankAccount(ctx, id);
  const { items, agreements } = await listRecoveries(ctx, { applicationId: id });
  const money = (cents: number) => formatMoney(cents, ctx.locale, true);
  return {
    id,
    businessName: bank.businessName,
    ledger: allowedBy(fundingPolicies)(ctx.actor, 'ledger.list'),
    registry: allowedBy(fundingPolicies)(ctx.actor, 'payment.registry_override')
      ? await shownRegistryOverride(ctx, id)
      : null,
    account: bank.account && {
      ...bank.account,
      updatedAtIso: bank.account.updatedAt.toISOString(),
      updatedAt: formatDateTime(bank.account.updatedAt, ctx.locale),
      verifiedAt: bank.account.verifiedAt ? formatDateTime(bank.account.verifiedAt, ctx.locale) : null,
    },
    agreements: agreements.map((a) => ({
      value: a.id,
      label: ctx.t('funding:payments.file.agreement', {
        fiscalYear: a.fiscalYear,
        grant: a.grantCents === null ? '—' : money(a.grantCents),
      }),
    })),
    recoveries: items.map((r) => shownRecovery(r, ctx.locale)),
  };
});

async function shownRegistryOverride(ctx: Ctx, id: string) {
  const { blocked, override } = await getRegistryOverride(ctx, id);
  return {
    blocked,
    override: override && {
      reason: override.reason,
      recordedAt: formatDateTime(override.recordedAt, ctx.locale),
    },
  };
}

export const action = formAction(async ({ ctx, params, form }) => {
  const id = params.id ?? '';
  if (form.intent === 'override') {
    await withFieldNames({ reason: 'overrideReason' }, () =>
      recordRegistryOverride(ctx, id, { reason: form.overrideReason }),
    );
    return { done: 'override' as const };
  }
  if (form.intent === 'verify') {
    await verifyBankAccount(ctx, id, { updatedAt: form.updatedAt });
    return { done: 'verify' as const };
  }
  if (form.intent === 'recover') {
    await withFieldNames({ amountCents: 'amount' }, () =>
      createRecovery(ctx, {
        agreementId: form.agreementId,
        amountCents: readDollars(form.amount),
        reason: form.reason,
      }),
    );
    return { done: 'recover' as const };
  }
  if (form.intent === 'repay') {
    await withFieldNames({ amountCents: 'repaymentAmount', reference: 'repaymentReference' }, () =>
      recordRepayment(ctx, form.recoveryId ?? '', {
        amountCents: readDollars(form.repaymentAmount),
        receivedOn: form.receivedOn,
        reference: form.repaymentReference,
      }),
    );
    return { done: 'repay' as const };
  }
  throw new AppError('bad_request');
});

export default function FinanceFilePage() {
  const { t } = useTranslation('funding');
  const file = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const v = (name: string) => failed?.values[name] ?? '';
  const title = t('payments.file.title', { business: file.businessName });
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <ErrorSummary
        error={failed?.error}
        hrefFor={(path) => {
          const at = { repaymentAmount: 'amount', receivedOn: 'on', repaymentReference: 'reference' }[path];
          return at ? `#repayment-${at}-${v('recoveryId')}` : `#field-${path}`;
        }}
      />
      {result && 'done' in result ? (
        <Notice kind="success">
          <p>{t(`payments.file.done.${result.done}`)}</p>
        </Notice>
      ) : null}
      {file.ledger ? (
        <p>
          <Link to={`/applications/${file.id}/ledger`}>{t('ledger.link')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="file-bank">
        <h2 id="file-bank">{t('payments.bank.title')}</h2>
        {file.account ? (
          <>
            <dl>
              <dt>{t('payments.fields.holderName')}</dt>
              <dd>{file.account.holderName}</dd>
              <dt>{t('payments.fields.institution')}</dt>
              <dd>{file.account.institution}</dd>
              <dt>{t('payments.fields.transit')}</dt>
              <dd>{file.account.transit}</dd>
              <dt>{t('payments.fields.account')}</dt>
              <dd>{file.account.accountMasked}</dd>
              <dt>{t('payments.fields.updatedAt')}</dt>
              <dd>{file.account.updatedAt}</dd>
              <dt>{t('payments.fields.verification')}</dt>
              <dd>
                {file.account.verifiedAt
                  ? t('payments.file.verified_at', { at: file.account.verifiedAt })
                  : t('payments.bank.unverified')}
              </dd>
            </dl>
            {file.account.verified ? null : (
              <PostForm>
                <input type="hidden" name="updatedAt" value={file.account.updatedAtIso} />
                <SubmitButton name="intent" value="verify">
                  {t('payments.file.verify')}
                </SubmitButton>
              </PostForm>
            )}
          </>
        ) : (
          <p>{t('payments.bank.none')}</p>
        )}
      </section>
      {file.registry?.blocked ? (
        <section aria-labelledby="file-registry">
          <h2 id="file-registry">{t('payments.file.registry')}</h2>
          {file.registry.override ? (
            <p>
              {t('payments.file.overridden', {
                at: file.registry.override.recordedAt,
                reason: file.registry.override.reason,
              })}
            </p>
          ) : (
            <>
              <Notice kind="warning">
                <p>{t('payments.file.registry_blocks')}</p>
              </Notice>
              <PostForm className="stack">
                <TextField
                  name="overrideReason"
                  label={t('payments.fields.override_reason')}
                  required
                  defaultValue={v('overrideReason')}
                  error={errors.overrideReason}
                />
                <SubmitButton name="intent" value="override">
                  {t('payments.file.override')}
                </SubmitButton>
              </PostForm>
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="file-recoveries">
        <h2 id="file-recoveries">{t('payments.file.recoveries')}</h2>
        {file.recoveries.length === 0 ? <p>{t('payments.file.no_recovery')}</p> : null}
        {file.recoveries.map((r) => (
          <RecoveryFacts key={r.id} recovery={r}>
            {r.open ? (
              <PostForm className="stack">
                <input type="hidden" name="recoveryId" value={r.id} />
                <TextField
                  id={`repayment-amount-${r.id}`}
                  name="repaymentAmount"
                  label={t('payments.fields.amount')}
                  inputMode="decimal"
                  required
                  error={v('recoveryId') === r.id ? errors.repaymentAmount : undefined}
                />
                <TextField
                  id={`repayment-on-${r.id}`}
                  name="receivedOn"
                  type="date"
                  label={t('payments.fields.receivedOn')}
                  required
                  error={v('recoveryId') === r.id ? errors.receivedOn : undefined}
                />
                <TextField
                  id={`repayment-reference-${r.id}`}
                  name="repaymentReference"
                  label={t('payments.fields.reference')}
                  required
                  error={v('recoveryId') === r.id ? errors.repaymentReference : undefined}
                />
                <SubmitButton name="intent" value="repay">
                  {t('payments.file.repay')}
                </SubmitButton>
              </PostForm>
            ) : null}
          </RecoveryFacts>
        ))}
        {file.agreements.length > 0 ? (
          <>
            <h3>{t('payments.file.new_recovery')}</h3>
            <PostForm className="stack">
              <SelectField
                name="agreementId"
                label={t('payments.fields.agreement')}
                options={file.agreements}
                defaultValue={v('agreementId')}
                required
                error={errors.agreementId}
              />
              <TextField
                name="amount"
                label={t('payments.fields.amount')}
                inputMode="decimal"
                required
                defaultValue={v('amount')}
                error={errors.amount}
              />
              <TextField
                name="reason"
                label={t('payments.fields.reason')}
                required
                defaultValue={v('reason')}
                error={errors.reason}
              />
              <SubmitButton name="intent" value="recover">
                {t('payments.file.recover')}
              </SubmitButton>
            </PostForm>
          </>
        ) : null}
      </section>
    </div>
  );
}
