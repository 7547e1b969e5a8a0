import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { Checkbox } from '../../../platform/ui/choices.tsx';
import { dollarsForInput, readDollars } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  fieldId,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { attachmentHref } from '../domain/attachments.ts';
import { getClaim } from '../use-cases/get-claim.ts';
import { listClaimAttachments } from '../use-cases/list-claim-attachments.ts';
import { submitClaim } from '../use-cases/submit-claim.ts';
import { updateClaim } from '../use-cases/update-claim.ts';
import { CLAIM_ATTACHMENTS_HEADING, ClaimAttachments } from './claim-attachments.tsx';
import { ClaimFigures, claimData, InvoiceTable, Receipts, ReviewHistory } from './claim-parts.tsx';

const TEXT_FIELDS = ['supplierName', 'invoiceNumber', 'invoiceDate', 'gstNumber', 'qstNumber'] as const;
const MONEY_FIELDS = ['subtotalCents', 'gstCents', 'qstCents'] as const;
const FIELDS = ['id', 'budgetLineId', ...TEXT_FIELDS, ...MONEY_FIELDS] as const;

export const loader = pageLoader(async ({ ctx, params }) => {
  const claim = claimData(await getClaim(ctx, params.id!));
  const files = await listClaimAttachments(ctx, params.id!);
  return {
    claim,
    // The receipts' forms, on the claim itself so the retailer attaches them while filling it in.
    receipts: {
      editable: files.editable,
      invoices: files.invoices.map((i) => ({ id: i.id, label: `${i.supplierName} — ${i.invoiceNumber}` })),
      attachments: files.attachments.map((a) => ({ ...a, href: attachmentHref(a) })),
    },
    // The invoices as the form shows them back: amounts in dollars the reader's way.
    values: Object.fromEntries(
      claim.invoices.flatMap((invoice, i) => [
        ...(['id', 'budgetLineId', ...TEXT_FIELDS] as const).map((f) => [
          `invoices.${i}.${f}`,
          invoice[f] ?? '',
        ]),
        ...MONEY_FIELDS.map((f) => [`invoices.${i}.${f}`, dollarsForInput(invoice[f], ctx.locale)]),
      ]),
    ) as Record<string, string>,
  };
});

/**
 * The form's invoice blocks as the use case's invoices: a block marked for removal, or a new block
 * left empty, is left out, so the request's positions are mapped back to the blocks for messages.
 */
function invoicesOf(form: Record<string, string>) {
  const invoices: Record<string, unknown>[] = [];
  const names: Record<string, string> = {};
  for (let block = 0; block < Number(form.count ?? 0); block++) {
    const value = (f: string) => (form[`invoices.${block}.${f}`] ?? '').trim();
    if (value('remove') === 'on') continue;
    if (!value('id') && FIELDS.every((f) => f === 'budgetLineId' || value(f) === '')) continue;
    for (const f of [...FIELDS, 'invoiceFile', 'proofOfPayment'])
      names[`invoices.${invoices.length}.${f}`] = `invoices.${block}.${f}`;
    invoices.push({
      ...(value('id') ? { id: value('id') } : {}),
      budgetLineId: value('budgetLineId'),
      supplierName: value('supplierName'),
      invoiceNumber: value('invoiceNumber'),
      invoiceDate: value('invoiceDate'),
      subtotalCents: readDollars(value('subtotalCents')),
      gstCents: readDollars(value('gstCents')) ?? 0,
      qstCents: readDollars(value('qstCents')) ?? 0,
      gstNumber: value('gstNumber') || null,
      qstNumber: value('qstNumber') || null,
    });
  }
  return { invoices, names };
}

export const action = formAction(async ({ ctx, params, form }) => {
  const { invoices, names } = invoicesOf(form);
  await withFieldNames(names, async () => {
    await updateClaim(ctx, params.id!, { version: Number(form.version), invoices });
    if (form.intent === 'submit') await submitClaim(ctx, params.id!);
  });
  return { done: form.intent === 'submit' ? ('submitted' as const) : ('saved' as const) };
});

function InvoiceBlock({
  index,
  claim,
  value,
  errors,
  isNew,
}: {
  index: number;
  claim: ReturnType<typeof useLoaderData<typeof loader>>['claim'];
  value: (name: string) => string;
  errors: Record<string, string>;
  isNew: boolean;
}) {
  const { t } = useTranslation('funding');
  const name = (f: string) => `invoices.${index}.${f}`;
  const field = (f: string) => ({
    name: name(f),
    label: t(`fields.${f}`),
    defaultValue: value(name(f)),
    error: errors[name(f)],
  });
  const id = value(name('id'));
  return (
    <fieldset className="stack">
      <legend>{isNew ? t('claims.new_invoice') : t('claims.invoice_n', { n: index + 1 })}</legend>
      {id ? <input type="hidden" name={name('id')} value={id} /> : null}
      <SelectField
        {...field('budgetLineId')}
        required
        options={claim.budgetLines.map((l) => ({
          value: l.id,
          label: `${t(`categories.${l.category}`)} — ${l.description}`,
        }))}
      />
      <TextField {...field('supplierName')} required autoComplete="organization" />
      <TextField {...field('invoiceNumber')} required />
      <TextField {...field('invoiceDate')} type="date" required hint={t('claims.date_hint')} />
      <TextField {...field('subtotalCents')} required inputMode="decimal" hint={t('claims.dollars_hint')} />
      <TextField {...field('gstCents')} inputMode="decimal" />
      <TextField {...field('qstCents')} inputMode="decimal" />
      <TextField {...field('gstNumber')} hint={t('claims.gst_number_hint')} />
      <TextField {...field('qstNumber')} hint={t('claims.qst_number_hint')} />
      {id ? (
        <div className="field">
          <p>
            <strong>{t('claims.receipts')}</strong>
          </p>
          {/* Each missing receipt's message is where the error summary and the corrections link to. */}
          {(['invoiceFile', 'proofOfPayment'] as const)
            .filter((f) => errors[name(f)])
            .map((f) => (
              <p key={f} id={fieldId(name(f))} tabIndex={-1} className="error-message">
                {errors[name(f)]}
              </p>
            ))}
          <Receipts claim={claim} invoiceId={id} />
          <p className="hint">{t('claims.receipts_hint')}</p>
          {/* Leads to the receipts' form below, this invoice chosen. */}
          <p>
            <Link to={`?invoice=${id}#${CLAIM_ATTACHMENTS_HEADING}`}>
              {t('claims.attach_receipts')}
              <span className="sr-only"> — {value(name('invoiceNumber'))}</span>
            </Link>
          </p>
        </div>
      ) : null}
      {id ? <Checkbox name={name('remove')} label={t('claims.remove_invoice')} /> : null}
    </fieldset>
  );
}

export default function ClaimPage() {
  const { t } = useTranslation('funding');
  const { claim, values, receipts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const filesDone = search.get('files');
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  // Corrections the team asked for appear at their field, until the form's own messages replace them.
  const shown = { ...Object.fromEntries(claim.corrections.map((c) => [c.field, c.message])), ...errors };
  const value = (name: string) => failed?.values[name] ?? values[name] ?? '';
  const title = t('claims.claim_title', { number: claim.number });
  const blocks = claim.invoices.length + 1;
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to={`/agreements/${claim.agreementId}/claims`}>{t('claims.back_to_claims')}</Link>
      </p>
      <ErrorSummary
        error={failed?.error}
        hrefFor={(path) => (path ? `#${fieldId(path)}` : '#claim-figures')}
      />
      {result && 'done' in result ? (
        <Notice kind="success">
          <p>{t(`claims.${result.done}`)}</p>
        </Notice>
      ) : null}
      {filesDone === 'added' || filesDone === 'removed' ? (
        <Notice kind="success">
          <p>{t(`files.${filesDone}`)}</p>
        </Notice>
      ) : null}
      {claim.corrections.length ? (
        <Notice kind="warning">
          <p>{t('claims.corrections_intro')}</p>
          <ul className="bullets">
            {claim.corrections.map((c) => (
              <li key={c.field}>
                <a href={`#${fieldId(c.field)}`}>{c.message}</a>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <ClaimFigures claim={claim} />
      {claim.editable ? (
        <section aria-labelledby="claim-form">
          <h2 id="claim-form">
            {/* A claim without invoices is refused on `invoices`: the summary leads here. */}
            <span id={fieldId('invoices')} tabIndex={-1}>
              {t('claims.invoices')}
            </span>
          </h2>
          {claim.refusals.length && !failed ? (
            <Notice kind="info">
              <p>{t('claims.before_submitting')}</p>
              <ul className="bullets">
                {claim.refusals.map((r) => (
                  <li key={`${r.field}-${r.message}`}>{r.message}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <PostForm className="stack">
            <input type="hidden" name="version" value={claim.version} />
            <input type="hidden" name="count" value={blocks} />
            {Array.from({ length: blocks }, (_, index) => (
              <InvoiceBlock
                // biome-ignore lint/suspicious/noArrayIndexKey: the blocks are the form's positions.
                key={index}
                index={index}
                claim={claim}
                value={value}
                errors={shown}
                isNew={index === claim.invoices.length}
              />
            ))}
            <p className="actions">
              <SubmitButton name="intent" value="save" variant="secondary">
                {t('claims.save_draft')}
              </SubmitButton>
              <SubmitButton name="intent" value="submit">
                {t('claims.submit')}
              </SubmitButton>
            </p>
          </PostForm>
        </section>
      ) : (
        <InvoiceTable claim={claim} />
      )}
      {receipts.editable ? (
        <ClaimAttachments
          claimId={claim.id}
          attachments={receipts.attachments}
          editable
          invoices={receipts.invoices}
          returnTo={`/claims/${claim.id}`}
          chosenInvoiceId={search.get('invoice') ?? undefined}
        />
      ) : null}
      <ReviewHistory claim={claim} />
    </div>
  );
}
