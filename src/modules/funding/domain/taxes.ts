import { applyRatio, type Cents, type Ratio } from './money.ts';

/** GST: 5 % of the price. */
export const GST_RATE: Ratio = { numerator: 5, denominator: 100 };
/** QST: 9.975 % of the price before GST (no tax on tax since 2013). */
export const QST_RATE: Ratio = { numerator: 9975, denominator: 100_000 };

export type Taxes = { gst: Cents; qst: Cents };
/** An amount as an invoice states it: the taxes are those invoiced, which the supplier computed. */
export type TaxedAmount = Taxes & { subtotal: Cents };

/** The taxes on a subtotal, each rounded once to the cent from the price before tax. */
export function taxesOf(subtotal: Cents): Taxes {
  return { gst: applyRatio(subtotal, GST_RATE), qst: applyRatio(subtotal, QST_RATE) };
}

/**
 * Whether the retailer is registered for each tax: a registrant gets GST back as input tax credits
 * and QST as input tax refunds, so those taxes are no real cost to it.
 */
export type TaxRegistration = { gst: boolean; qst: boolean };

/** What the retailer gets back from the governments on an invoice. */
export function recoverableTaxes(amount: Taxes, registration: TaxRegistration): Cents {
  return (registration.gst ? amount.gst : 0) + (registration.qst ? amount.qst : 0);
}

/**
 * Which taxes count as an eligible cost. `non_recoverable` (the default, Québec's « taxes nettes non
 * remboursables »): only those the retailer cannot recover; `include_all`: every tax (as CDAP did);
 * `exclude_all`: none (as UK programs do for VAT-registered businesses).
 */
export const TAX_POLICIES = ['non_recoverable', 'include_all', 'exclude_all'] as const;
export type TaxPolicy = (typeof TAX_POLICIES)[number];
export const DEFAULT_TAX_POLICY: TaxPolicy = 'non_recoverable';

/** The eligible cost of an invoiced amount under a tax policy: the subtotal plus the taxes that count. */
export function eligibleAmount(amount: TaxedAmount, registration: TaxRegistration, policy: TaxPolicy): Cents {
  const taxes = amount.gst + amount.qst;
  switch (policy) {
    case 'include_all':
      return amount.subtotal + taxes;
    case 'exclude_all':
      return amount.subtotal;
    case 'non_recoverable':
      return amount.subtotal + taxes - recoverableTaxes(amount, registration);
  }
}
