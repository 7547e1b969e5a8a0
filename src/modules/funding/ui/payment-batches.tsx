import { useTranslation } from 'react-i18next';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDateTime, formatMoney } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { dollarsForInput, readDollars } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { listPrograms } from '../../programs/index.ts';
import { buildPaymentBatch } from '../use-cases/build-payment-batch.ts';
import { listPaymentBatches } from '../use-cases/list-payment-batches.ts';
import { previewPaymentBatch } from '../use-cases/preview-payment-batch.ts';

async function theProgram(ctx: Parameters<typeof listPrograms>[0]) {
  const [program] = await listPrograms(ctx);
  if (!program) throw new AppError('not_found');
  return program;
}

type Line = {
  claimId: string;
  claimNumber: number;
  applicationId: string;
  businessName: string;
  amountCents: number;
};

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await theProgram(ctx);
  const url = new URL(request.url);
  const limit = url.searchParams.get('limit') ?? '';
  const read = readDollars(limit);
  const limitCents = typeof read === 'number' && read >= 0 ? read : undefined;
  const money = (cents: number) => formatMoney(cents, ctx.locale, true);
  const line = (l: Line) => ({ ...l, amount: money(l.amountCents) });
  const preview = await previewPaymentBatch(ctx, {
    programId: program.id,
    ...(limitCents === undefined ? {} : { limitCents }),
  });
  const batches = await listPaymentBatches(ctx, { programId: program.id });
  return {
    limit: limitCents === undefined ? limit : dollarsForInput(limitCents, ctx.locale),
    // A limit that is not an amount is said next to the field; the preview then has no limit.
    limitError: limit && limitCents === undefined ? ctx.t('funding:errors.cents') : undefined,
    preview: {
      total: money(preview.totalCents),
      claims: preview.claims.map(line),
      excluded: preview.excluded.map((e) => ({ ...line(e), reason: e.reason })),
    },
    batches: batches.items.map((b) => ({
      id: b.id,
      status: b.status,
      total: money(b.totalCents),
      claimCount: b.claimCount,
      createdAt: formatDateTime(b.createdAt, ctx.locale),
      bankReference: b.bankReference,
    })),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  const program = await theProgram(ctx);
  const limitCents = readDollars(form.limit);
  const batch = await withFieldNames({ limitCents: 'limit' }, () =>
    buildPaymentBatch(ctx, { programId: program.id, ...(limitCents === undefined ? {} : { limitCents }) }),
  );
  throw redirect(`/finance/batches/${batch.id}`);
});

export default function PaymentBatchesPage() {
  const { t } = useTranslation('funding');
  const { limit, limitError, preview, batches } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('payments.batches.title')}>{t('payments.batches.title')}</PageTitle>
      <section aria-labelledby="batches-list">
        <h2 id="batches-list">{t('payments.batches.list')}</h2>
        {batches.length === 0 ? (
          <p>{t('payments.batches.none')}</p>
        ) : (
          <TableWrap label={t('payments.batches.list')}>
            <table className="data stacked">
              <caption>{t('payments.batches.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('payments.fields.createdAt')}</th>
                  <th scope="col">{t('payments.fields.status')}</th>
                  <th scope="col" className="numeric">
                    {t('payments.fields.claims')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('payments.fields.total')}
                  </th>
                  <th scope="col">{t('payments.fields.bankReference')}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id}>
                    <th scope="row" data-label={t('payments.fields.createdAt')}>
                      <Link to={`/finance/batches/${b.id}`}>{b.createdAt}</Link>
                    </th>
                    <td data-label={t('payments.fields.status')}>{t(`batchStatuses.${b.status}`)}</td>
                    <td data-label={t('payments.fields.claims')} className="numeric">
                      {b.claimCount}
                    </td>
                    <td data-label={t('payments.fields.total')} className="numeric">
                      {b.total}
                    </td>
                    <td data-label={t('payments.fields.bankReference')}>{b.bankReference ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section aria-labelledby="batch-build">
        <h2 id="batch-build">{t('payments.batches.build')}</h2>
        <p>{t('payments.batches.build_intro')}</p>
        <Form method="get" className="stack">
          <TextField
            name="limit"
            label={t('payments.fields.limit')}
            hint={t('payments.batches.limit_hint')}
            inputMode="decimal"
            defaultValue={limit}
            error={errors.limit ?? limitError}
          />
          <SubmitButton variant="secondary">{t('payments.batches.preview')}</SubmitButton>
        </Form>
        <h3>{t('payments.batches.included', { count: preview.claims.length, total: preview.total })}</h3>
        {preview.claims.length > 0 ? (
          <ul>
            {preview.claims.map((c) => (
              <li key={c.claimId}>
                {t('payments.batches.line', {
                  business: c.businessName,
                  number: c.claimNumber,
                  amount: c.amount,
                })}
              </li>
            ))}
          </ul>
        ) : null}
        <h3>{t('payments.batches.excluded', { count: preview.excluded.length })}</h3>
        {preview.excluded.length > 0 ? (
          <ul>
            {preview.excluded.map((c) => (
              <li key={c.claimId}>
                {t('payments.batches.line', {
                  business: c.businessName,
                  number: c.claimNumber,
                  amount: c.amount,
                })}{' '}
                — {t(`payments.exclusions.${c.reason}`)}{' '}
                {/* Where finance verifies (or asks for) the bank details that keep the claim out. */}
                <Link to={`/finance/files/${c.applicationId}`}>
                  {t('payments.batches.open_file', { business: c.businessName })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <ErrorSummary error={failed?.error} hrefFor={() => '#field-limit'} />
        <PostForm>
          <input type="hidden" name="limit" value={limit} />
          <SubmitButton>{t('payments.batches.submit')}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
