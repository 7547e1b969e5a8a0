import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { recoveryReference } from '../domain/recovery-reference.ts';
import type { listRecoveries } from '../use-cases/list-recoveries.ts';

type Recovery = Awaited<ReturnType<typeof listRecoveries>>['items'][number];

/** A recovery as the business's pages show it: amounts in the reader's format, the reference to quote. */
export function shownRecovery(r: Recovery, locale: Locale) {
  const money = (cents: number) => formatMoney(cents, locale, true);
  return {
    id: r.id,
    reference: recoveryReference(r.id),
    fiscalYear: r.fiscalYear,
    reason: r.reason,
    amount: money(r.amountCents),
    repaid: money(r.repaidCents),
    outstanding: money(r.outstandingCents),
    open: r.outstandingCents > 0,
    repayments: r.repayments.map((p) => ({
      id: p.id,
      amount: money(p.amountCents),
      receivedOn: p.receivedOn,
      reference: p.reference,
    })),
  };
}
export type ShownRecovery = ReturnType<typeof shownRecovery>;

/** What a recovery claims back and why, what was repaid and what is left; `children` follow (a form, how to repay). */
export function RecoveryFacts({ recovery: r, children }: { recovery: ShownRecovery; children?: ReactNode }) {
  const { t } = useTranslation('funding');
  return (
    <article aria-labelledby={`recovery-${r.id}`}>
      <h3 id={`recovery-${r.id}`}>
        {t('payments.file.recovery', { fiscalYear: r.fiscalYear, amount: r.amount })}
      </h3>
      <dl>
        <dt>{t('payments.fields.reason')}</dt>
        <dd>{r.reason}</dd>
        <dt>{t('payments.recovery.reference')}</dt>
        <dd>{r.reference}</dd>
      </dl>
      <p>{t('payments.file.balance', { repaid: r.repaid, outstanding: r.outstanding })}</p>
      {r.repayments.length > 0 ? (
        <ul>
          {r.repayments.map((p) => (
            <li key={p.id}>
              {t('payments.file.repayment', { amount: p.amount, on: p.receivedOn, reference: p.reference })}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </article>
  );
}
