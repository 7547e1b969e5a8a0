import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
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
import { OpenSignals, signalCard } from '../../signals/components.ts';
import { openSignalsOf } from '../../signals/index.ts';
import { REVIEW_DECISIONS } from '../domain/claim-review.ts';
import { getClaim } from '../use-cases/get-claim.ts';
import { reviewClaim } from '../use-cases/review-claim.ts';
import { ClaimFigures, claimData, InvoiceTable, Receipts, ReviewHistory } from './claim-parts.tsx';

/** How many fields one request for corrections may name from this form. */
const CORRECTION_ROWS = 3;
const CORRECTABLE = [
  'supplierName',
  'invoiceNumber',
  'invoiceDate',
  'subtotalCents',
  'gstCents',
  'qstCents',
  'gstNumber',
  'qstNumber',
  'budgetLineId',
  'invoiceFile',
  'proofOfPayment',
] as const;

export const loader = pageLoader(async ({ ctx, params }) => {
  const claim = claimData(await getClaim(ctx, params.id!));
  // Shown prominently; a signal decides nothing here (decision 41).
  const signals = await openSignalsOf(ctx, { claimId: claim.id });
  return { claim, signals: signals.map((s) => signalCard(s, ctx.locale)) };
});

export const action = formAction(async ({ ctx, params, form }) => {
  const fields = Array.from({ length: CORRECTION_ROWS }, (_, i) => ({
    field: form[`fields.${i}.field`] ?? '',
    message: form[`fields.${i}.message`] ?? '',
  })).filter((f) => f.field !== '');
  await reviewClaim(ctx, params.id!, {
    step: form.step,
    decision: form.decision,
    reason: form.reason ?? '',
    fields,
  });
  return { decided: form.decision };
});

/** The team's and finance's review of a claim: the figures beside the receipts, and the decision. */
export default function ReviewClaimPage() {
  const { t } = useTranslation('funding');
  const { claim, signals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const v = (name: string) => failed?.values[name] ?? '';
  const title = t('claims.review_title', { number: claim.number, business: claim.businessName ?? '' });
  const fieldOptions = [
    { value: '', label: t('claims.no_field') },
    ...claim.invoices.flatMap((_, i) => [
      { value: `invoices.${i}`, label: t('claims.invoice_n', { n: i + 1 }) },
      ...CORRECTABLE.map((f) => ({
        value: `invoices.${i}.${f}`,
        label: `${t('claims.invoice_n', { n: i + 1 })} — ${t(`fields.${f}`)}`,
      })),
    ]),
  ];
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/review/claims">{t('claims.back_to_queue')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {result && 'decided' in result ? (
        <Notice kind="success">
          <p>{t('claims.decided', { decision: t(`claims.decisions.${result.decided}`) })}</p>
        </Notice>
      ) : null}
      <OpenSignals signals={signals} />
      {claim.duplicates.length ? (
        <Notice kind="warning">
          <p>{t('claims.duplicates_intro')}</p>
          <ul className="bullets">
            {claim.duplicates.map((d) => (
              <li key={`${d.kind}-${d.invoiceIndex}-${d.sha256}-${d.claimId}`}>
                {d.kind === 'invoice'
                  ? t('claims.duplicate_invoice', { n: (d.invoiceIndex ?? 0) + 1 })
                  : t('claims.duplicate_file')}{' '}
                {d.claimId === claim.id ? (
                  t('claims.duplicate_same_claim')
                ) : (
                  <Link to={`/review/claims/${d.claimId}`}>{t('claims.duplicate_other_claim')}</Link>
                )}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <ClaimFigures claim={claim} />
      <h2>{t('claims.invoices')}</h2>
      <InvoiceTable claim={claim} />
      {claim.attachments.some((a) => a.invoiceId === null) ? (
        <section aria-labelledby="claim-receipts">
          <h3 id="claim-receipts">{t('claims.claim_receipts')}</h3>
          <Receipts claim={claim} invoiceId={null} />
        </section>
      ) : null}
      <ReviewHistory claim={claim} />
      {claim.canReview && claim.reviewStep ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">
            {t('claims.decision_title', { step: t(`reviewSteps.${claim.reviewStep}`) })}
          </h2>
          <PostForm className="stack">
            <input type="hidden" name="step" value={claim.reviewStep} />
            <RadioGroup
              name="decision"
              label={t('fields.decision')}
              required
              defaultValue={v('decision')}
              error={errors.decision}
              options={REVIEW_DECISIONS.map((d) => ({ value: d, label: t(`claims.decisions.${d}`) }))}
            />
            <TextArea
              name="reason"
              label={t('fields.reason')}
              hint={t('claims.reason_hint')}
              defaultValue={v('reason')}
              error={errors.reason}
            />
            <fieldset id="field-fields" className={errors.fields ? 'field field-error' : 'field'}>
              <legend>{t('claims.fields_to_correct')}</legend>
              {errors.fields ? <p className="error-message">{errors.fields}</p> : null}
              {Array.from({ length: CORRECTION_ROWS }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the form's positions.
                <div key={i} className="stack">
                  <SelectField
                    name={`fields.${i}.field`}
                    label={t('claims.field_n', { n: i + 1 })}
                    defaultValue={v(`fields.${i}.field`)}
                    error={errors[`fields.${i}.field`]}
                    options={fieldOptions}
                  />
                  <TextField
                    name={`fields.${i}.message`}
                    label={t('claims.message_n', { n: i + 1 })}
                    defaultValue={v(`fields.${i}.message`)}
                    error={errors[`fields.${i}.message`]}
                  />
                </div>
              ))}
            </fieldset>
            <SubmitButton>{t('claims.decide')}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}
