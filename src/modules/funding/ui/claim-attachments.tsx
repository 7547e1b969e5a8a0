import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
} from '../../../platform/ui/forms.tsx';
import type { FormFailure } from '../../../platform/ui/route.server.ts';
import { ATTACHMENT_KINDS } from '../domain/attachments.ts';

export type AttachmentItem = {
  id: string;
  kind: (typeof ATTACHMENT_KINDS)[number];
  fileName: string;
  sizeBytes: number;
  createdAt: Date;
  href: string;
  invoiceId: string | null;
};

export type InvoiceChoice = { id: string; label: string };

/** Where the component's forms post: the claim's attachments page, which handles both and comes back. */
/** The component's heading, where a link to the receipts (one per invoice on the claim's page) leads. */
export const CLAIM_ATTACHMENTS_HEADING = 'claim-attachments-title';

export const claimAttachmentsPath = (claimId: string) => `/my-aid/claims/${claimId}/attachments`;

/** A size as people read it: « 245 Ko », « 1,4 Mo ». */
function readableSize(bytes: number, locale: Locale, t: TFunction) {
  if (bytes < 1024 * 1024) return t('files.size_kb', { size: formatNumber(Math.ceil(bytes / 1024), locale) });
  return t('files.size_mb', { size: formatNumber(Math.round(bytes / 104_857.6) / 10, locale) });
}

/**
 * A claim's receipts: each with its download (always a file to save, never shown on Virage's pages)
 * and, while the retailer may change the claim, a button to remove it and a form to add one. `returnTo`
 * is the page to come back to after a change (the claim's page, when the component is placed there).
 */
export function ClaimAttachments({
  claimId,
  attachments,
  editable,
  invoices = [],
  failure,
  returnTo,
  chosenInvoiceId,
}: {
  claimId: string;
  attachments: AttachmentItem[];
  editable: boolean;
  invoices?: InvoiceChoice[];
  failure?: FormFailure;
  returnTo?: string;
  /** The invoice the upload form starts with (the one whose link led here). */
  chosenInvoiceId?: string;
}) {
  const { t, i18n } = useTranslation('funding');
  const locale = i18n.language as Locale;
  const errors = fieldErrors(failure?.error);
  const action = claimAttachmentsPath(claimId);
  const invoiceLabel = (id: string | null) => invoices.find((i) => i.id === id)?.label;
  return (
    <section aria-labelledby={CLAIM_ATTACHMENTS_HEADING} className="stack">
      <h2 id={CLAIM_ATTACHMENTS_HEADING} tabIndex={-1}>
        {t('files.title')}
      </h2>
      {attachments.length === 0 ? (
        <p>{t('files.none')}</p>
      ) : (
        <ul className="stack">
          {attachments.map((a) => (
            <li key={a.id}>
              <strong>{t(`files.kinds.${a.kind}`)}</strong>
              {invoiceLabel(a.invoiceId) ? ` — ${invoiceLabel(a.invoiceId)}` : null} :{' '}
              <a href={a.href} download={a.fileName}>
                {t('files.download', { name: a.fileName })}
              </a>{' '}
              ({readableSize(a.sizeBytes, locale, t)},{' '}
              {t('files.added_on', { at: formatDateTime(a.createdAt, locale) })})
              {editable ? (
                <PostForm action={action} className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="attachmentId" value={a.id} />
                  {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
                  <SubmitButton variant="secondary">
                    {t('files.remove')}
                    <span className="sr-only"> {a.fileName}</span>
                  </SubmitButton>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        // Keyed by the chosen invoice: a link to another invoice's receipts (a navigation within the
        // page) starts the form afresh with that invoice, which a select's default value alone would not.
        <PostForm key={chosenInvoiceId ?? ''} action={action} encType="multipart/form-data" className="stack">
          <h3>{t('files.add_title')}</h3>
          <ErrorSummary error={failure?.error} />
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <SelectField
            name="kind"
            label={t('files.kind_label')}
            required
            error={errors.kind}
            defaultValue={failure?.values.kind}
            options={ATTACHMENT_KINDS.map((kind) => ({ value: kind, label: t(`files.kinds.${kind}`) }))}
          />
          {invoices.length > 0 ? (
            <SelectField
              name="invoiceId"
              label={t('files.invoice_label')}
              error={errors.invoiceId}
              defaultValue={failure?.values.invoiceId ?? chosenInvoiceId}
              options={[
                { value: '', label: t('files.no_invoice') },
                ...invoices.map((i) => ({ value: i.id, label: i.label })),
              ]}
            />
          ) : null}
          <div className={errors.file ? 'field field-error' : 'field'}>
            <label htmlFor="field-file">{t('files.file_label')}</label>
            <p id="file-hint" className="hint">
              {t('files.file_hint')}
            </p>
            {errors.file ? (
              <p id="file-error" className="error-message">
                <span className="sr-only">{t('app:form.error_prefix')} </span>
                {errors.file}
              </p>
            ) : null}
            <input
              id="field-file"
              name="file"
              type="file"
              required
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'}
            />
          </div>
          <SubmitButton>{t('files.submit')}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}
