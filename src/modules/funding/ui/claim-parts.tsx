import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { TableWrap } from '../../../platform/ui/page.tsx';
import type { ClaimView } from '../use-cases/claim-view.ts';

/** A claim as its pages receive it from the loader (instants as text). */
export type ClaimData = Omit<ClaimView, 'submittedAt' | 'attachments' | 'reviews'> & {
  submittedAt: string | null;
  attachments: (Omit<ClaimView['attachments'][number], 'createdAt'> & { createdAt: string })[];
  reviews: (Omit<ClaimView['reviews'][number], 'createdAt'> & { createdAt: string })[];
};

export const useLocale = (): Locale => (useTranslation().i18n.language === 'en' ? 'en' : 'fr');

/** Where the claim stands and what it is worth, with the arithmetic in words. */
export function ClaimFigures({ claim }: { claim: ClaimData }) {
  const { t } = useTranslation('funding');
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale, true);
  return (
    <section aria-labelledby="claim-figures">
      <h2 id="claim-figures">{t('claims.figures')}</h2>
      <dl className="facts">
        <dt>{t('claims.status')}</dt>
        <dd>{t(`claimStatuses.${claim.status}`)}</dd>
        {claim.reviewStep ? (
          <>
            <dt>{t('claims.step_due')}</dt>
            <dd>{t(`reviewSteps.${claim.reviewStep}`)}</dd>
          </>
        ) : null}
        {claim.submittedAt ? (
          <>
            <dt>{t('claims.submitted_at')}</dt>
            <dd>{formatDateTime(new Date(claim.submittedAt), locale)}</dd>
          </>
        ) : null}
        <dt>{t('claims.eligible')}</dt>
        <dd>{money(claim.eligibleCents)}</dd>
        <dt>{t('claims.claimable')}</dt>
        <dd>{money(claim.claimableCents)}</dd>
        <dt>{t('claims.agreement_grant')}</dt>
        <dd>{money(claim.agreementGrantCents)}</dd>
        {claim.claimedBeforeCents > 0 ? (
          <>
            <dt>{t('claims.claimed_before')}</dt>
            <dd>{money(claim.claimedBeforeCents)}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t('claims.arithmetic')}</h3>
      <ul className="bullets">
        {claim.arithmetic.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** The receipts of one invoice (or of the claim, `invoiceId` null), as download links. */
export function Receipts({ claim, invoiceId }: { claim: ClaimData; invoiceId: string | null }) {
  const { t } = useTranslation('funding');
  const files = claim.attachments.filter((a) => a.invoiceId === invoiceId);
  if (files.length === 0) return <span>{t('claims.no_receipt')}</span>;
  return (
    <ul className="bullets receipts">
      {files.map((file) => (
        <li key={file.id}>
          <a href={file.downloadPath} download={file.fileName}>
            {t('claims.attachment_line', {
              kind: t(`claims.attachment_kinds.${file.kind}`),
              name: file.fileName,
            })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The invoices with their figures, eligible cost, unusual taxes and receipts side by side. */
export function InvoiceTable({ claim }: { claim: ClaimData }) {
  const { t } = useTranslation('funding');
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale, true);
  const lineName = (id: string) => {
    const line = claim.budgetLines.find((l) => l.id === id);
    return line ? `${t(`categories.${line.category}`)} — ${line.description}` : id;
  };
  return (
    <TableWrap label={t('claims.invoices')}>
      <table className="data stacked">
        <caption>{t('claims.invoices')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.invoiceNumber')}</th>
            <th scope="col">{t('fields.budgetLineId')}</th>
            <th scope="col">{t('fields.invoiceDate')}</th>
            <th scope="col" className="numeric">
              {t('fields.subtotalCents')}
            </th>
            <th scope="col" className="numeric">
              {t('fields.gstCents')}
            </th>
            <th scope="col" className="numeric">
              {t('fields.qstCents')}
            </th>
            <th scope="col" className="numeric">
              {t('claims.eligible')}
            </th>
            <th scope="col">{t('claims.receipts')}</th>
          </tr>
        </thead>
        <tbody>
          {claim.invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row" data-label={t('fields.invoiceNumber')}>
                {invoice.supplierName} — {invoice.invoiceNumber}
              </th>
              <td data-label={t('fields.budgetLineId')}>{lineName(invoice.budgetLineId)}</td>
              <td data-label={t('fields.invoiceDate')} className="date">
                {invoice.invoiceDate}
              </td>
              <td data-label={t('fields.subtotalCents')} className="numeric">
                {money(invoice.subtotalCents)}
              </td>
              {(['gstCents', 'qstCents'] as const).map((tax) => (
                <td key={tax} data-label={t(`fields.${tax}`)} className="numeric">
                  {money(invoice[tax])}
                  {invoice.unusualTaxes.includes(tax) ? (
                    <strong className="warning"> {t('claims.unusual_tax')}</strong>
                  ) : null}
                </td>
              ))}
              <td data-label={t('claims.eligible')} className="numeric">
                {money(invoice.eligibleCents)}
              </td>
              <td data-label={t('claims.receipts')}>
                <Receipts claim={claim} invoiceId={invoice.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Every decision on the claim: who, when, which step, why, and the fields named. */
export function ReviewHistory({ claim }: { claim: ClaimData }) {
  const { t } = useTranslation('funding');
  const locale = useLocale();
  if (claim.reviews.length === 0) return null;
  return (
    <section aria-labelledby="claim-history">
      <h2 id="claim-history">{t('claims.history')}</h2>
      <ol className="bullets">
        {claim.reviews.map((r) => (
          <li key={r.id}>
            {t('claims.history_line', {
              when: formatDateTime(new Date(r.createdAt), locale),
              who: r.reviewerName,
              step: t(`reviewSteps.${r.step}`),
              decision: t(`claims.decisions.${r.decision}`),
            })}
            {r.reason ? ` — ${r.reason}` : ''}
            {r.fields.length ? (
              <ul>
                {r.fields.map((f) => (
                  <li key={f.field}>{t('claims.correction_line', { field: f.field, message: f.message })}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A claim for a page: instants written as text so the loader's data crosses to the browser unchanged. */
export const claimData = (claim: ClaimView): ClaimData => ({
  ...claim,
  submittedAt: claim.submittedAt?.toISOString() ?? null,
  attachments: claim.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  reviews: claim.reviews.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
});
