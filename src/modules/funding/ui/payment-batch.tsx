import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime, formatMoney } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
// The domain's list, not the use case's module: the page's component runs in the browser too.
import { EXPORT_FORMATS } from '../domain/batch-exports.ts';
import { approvePaymentBatch } from '../use-cases/approve-payment-batch.ts';
import { cancelPaymentBatch } from '../use-cases/cancel-payment-batch.ts';
import { getPaymentBatch } from '../use-cases/get-payment-batch.ts';
import { markPaymentBatchPaid } from '../use-cases/mark-payment-batch-paid.ts';
import { removeBatchClaim } from '../use-cases/remove-batch-claim.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const batch = await getPaymentBatch(ctx, params.id ?? '');
  const when = (at: Date | null) => (at ? formatDateTime(at, ctx.locale) : null);
  return {
    id: batch.id,
    status: batch.status,
    total: formatMoney(batch.totalCents, ctx.locale, true),
    claimCount: batch.claimCount,
    history: [
      { key: 'created', at: when(batch.createdAt) },
      { key: 'approved', at: when(batch.approvedAt) },
      { key: 'exported', at: when(batch.exportedAt) },
      { key: 'paid', at: when(batch.paidAt) },
    ].filter((h) => h.at !== null),
    bankReference: batch.bankReference,
    claims: batch.claims.map((c) => ({
      claimId: c.claimId,
      applicationId: c.applicationId,
      number: c.claimNumber,
      business: c.businessName,
      holder: c.holderName ?? '',
      account: c.accountMasked ?? '—',
      amount: formatMoney(c.amountCents, ctx.locale, true),
    })),
    exports: batch.status === 'approved' || batch.status === 'exported' || batch.status === 'paid',
  };
});

const ACTIONS = {
  approve: (ctx, id) => approvePaymentBatch(ctx, id),
  cancel: (ctx, id) => cancelPaymentBatch(ctx, id),
  remove: (ctx, id, form) => removeBatchClaim(ctx, id, form.claimId ?? ''),
  pay: (ctx, id, form) => markPaymentBatchPaid(ctx, id, { bankReference: form.bankReference }),
} satisfies Record<
  string,
  (ctx: Parameters<typeof getPaymentBatch>[0], id: string, form: Record<string, string>) => Promise<unknown>
>;

export const action = formAction(async ({ ctx, params, form }) => {
  const intent = form.intent as keyof typeof ACTIONS;
  if (!Object.hasOwn(ACTIONS, intent)) throw new AppError('bad_request');
  await ACTIONS[intent](ctx, params.id ?? '', form);
  return { done: intent };
});

export default function PaymentBatchPage() {
  const { t } = useTranslation('funding');
  const batch = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const title = t('payments.batch.title', { status: t(`batchStatuses.${batch.status}`) });
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/finance/batches">{t('payments.batch.back')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {result && 'done' in result ? (
        <Notice kind="success">
          <p>{t(`payments.batch.done.${result.done}`)}</p>
        </Notice>
      ) : null}
      <p>{t('payments.batch.summary', { count: batch.claimCount, total: batch.total })}</p>
      <ul>
        {batch.history.map((h) => (
          <li key={h.key}>{t(`payments.batch.history.${h.key}`, { at: h.at })}</li>
        ))}
        {batch.bankReference ? (
          <li>{t('payments.batch.reference', { reference: batch.bankReference })}</li>
        ) : null}
      </ul>
      <TableWrap label={t('payments.batch.claims')}>
        <table className="data stacked">
          <caption>{t('payments.batch.claims')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payments.fields.business')}</th>
              <th scope="col">{t('payments.fields.claim')}</th>
              <th scope="col">{t('payments.fields.holderName')}</th>
              <th scope="col">{t('payments.fields.account')}</th>
              <th scope="col" className="numeric">
                {t('payments.fields.amount')}
              </th>
              {batch.status === 'draft' ? <th scope="col">{t('payments.batch.remove')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {batch.claims.map((c) => (
              <tr key={c.claimId}>
                <th scope="row" data-label={t('payments.fields.business')}>
                  <Link to={`/finance/files/${c.applicationId}`}>{c.business}</Link>
                </th>
                <td data-label={t('payments.fields.claim')}>{c.number}</td>
                <td data-label={t('payments.fields.holderName')}>{c.holder}</td>
                <td data-label={t('payments.fields.account')}>{c.account}</td>
                <td data-label={t('payments.fields.amount')} className="numeric">
                  {c.amount}
                </td>
                {batch.status === 'draft' ? (
                  <td data-label={t('payments.batch.remove')}>
                    <PostForm>
                      <input type="hidden" name="claimId" value={c.claimId} />
                      <SubmitButton name="intent" value="remove" variant="secondary">
                        {t('payments.batch.remove_claim', { business: c.business })}
                      </SubmitButton>
                    </PostForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {batch.status === 'draft' ? (
        <PostForm>
          <p>{t('payments.batch.approve_intro')}</p>
          <SubmitButton name="intent" value="approve">
            {t('payments.batch.approve')}
          </SubmitButton>
        </PostForm>
      ) : null}
      {batch.exports ? (
        <section aria-labelledby="batch-exports">
          <h2 id="batch-exports">{t('payments.batch.exports')}</h2>
          <p>{t('payments.batch.exports_intro')}</p>
          <ul>
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <a href={`/api/v1/payment-batches/${batch.id}/export?format=${format}`} download>
                  {t(`payments.batch.export.${format.replace('.', '_')}`)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {batch.status === 'exported' ? (
        <section aria-labelledby="batch-paid">
          <h2 id="batch-paid">{t('payments.batch.paid_title')}</h2>
          <PostForm className="stack">
            <TextField
              name="bankReference"
              label={t('payments.fields.bankReference')}
              hint={t('payments.batch.reference_hint')}
              required
              error={errors.bankReference}
            />
            <SubmitButton name="intent" value="pay">
              {t('payments.batch.mark_paid')}
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}
      {batch.status === 'draft' || batch.status === 'approved' ? (
        <PostForm>
          <SubmitButton name="intent" value="cancel" variant="danger">
            {t('payments.batch.cancel')}
          </SubmitButton>
        </PostForm>
      ) : null}
    </div>
  );
}
