import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgreementTerms,
  claimRefusals,
  duplicatesOf,
  type InvoiceLine,
  invoiceLineSchema,
  unusualTaxes,
} from './claims.ts';
import { DEFAULT_AID_RULES } from './default-aid-rules.ts';
import { gstNumberSchema, qstNumberSchema } from './tax-numbers.ts';

const terms: AgreementTerms = {
  rules: DEFAULT_AID_RULES,
  lines: [
    { id: 'site', category: 'website', amountCents: 1_000_000 },
    { id: 'ads', category: 'online_marketing', amountCents: 200_000 },
  ],
  offeredOn: '2027-04-20',
  acceptedOn: '2027-05-01',
  registration: { gst: true, qst: true },
};
const invoice = (overrides: Partial<InvoiceLine> = {}): InvoiceLine => ({
  budgetLineId: 'site',
  supplierName: 'Agence Zoé inc.',
  invoiceNumber: 'F-001',
  invoiceDate: '2027-06-01',
  subtotalCents: 500_000,
  gstCents: 25_000,
  qstCents: 49_875,
  gstNumber: '123456789RT0001',
  qstNumber: '1234567890TQ0001',
  ...overrides,
});
const keys = (refusals: ReturnType<typeof claimRefusals>) => refusals.map((r) => [r.key, r.field ?? null]);

describe('invoice lines', () => {
  it('check the supplier’s GST and QST numbers, accepting spaces and dashes', () => {
    expect(gstNumberSchema.parse('123 456 789 rt 0001')).toBe('123456789RT0001');
    expect(qstNumberSchema.parse('1234567890-TQ-0001')).toBe('1234567890TQ0001');
    const issues = invoiceLineSchema
      .safeParse({ ...invoice(), gstNumber: '12345678RT0001', qstNumber: '123456789TQ0001' })
      .error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['gstNumber', 'funding:errors.gst_number'],
      ['qstNumber', 'funding:errors.qst_number'],
    ]);
  });

  it('ask for the number of a tax the invoice charges, not of one it does not', () => {
    expect(invoiceLineSchema.safeParse({ ...invoice(), gstNumber: null }).error?.issues[0]).toMatchObject({
      path: ['gstNumber'],
      message: 'funding:errors.gst_number_required',
    });
    expect(
      invoiceLineSchema.safeParse({
        ...invoice(),
        gstCents: 0,
        qstCents: 0,
        gstNumber: null,
        qstNumber: null,
      }).success,
    ).toBe(true);
  });

  it('point out taxes that are not 5 % and 9.975 % of the subtotal', () => {
    expect(unusualTaxes(invoice())).toEqual([]);
    expect(unusualTaxes(invoice({ qstCents: 52_369 }))).toEqual(['qstCents']); // QST on price + GST
  });
});

describe('claim rules', () => {
  const none = new Map<string, number>();

  it('accept an invoice inside the window after acceptance, claimed after the use period', () => {
    expect(claimRefusals({ lines: [invoice()], submittedOn: '2027-07-15' }, terms, none)).toEqual([]);
  });

  it('refuse an invoice before acceptance or outside the window, naming the field', () => {
    const refusals = claimRefusals(
      {
        lines: [
          invoice({ invoiceDate: '2027-04-25' }),
          invoice({ invoiceDate: '2028-04-02', invoiceNumber: 'F-2' }),
        ],
        submittedOn: '2028-05-15',
      },
      terms,
      none,
    );
    expect(keys(refusals)).toEqual([
      ['funding:errors.invoice_before_acceptance', 'lines.0.invoiceDate'],
      ['funding:errors.invoice_outside_window', 'lines.1.invoiceDate'],
    ]);
    expect(refusals[0]!.params).toEqual({ date: '2027-05-01' });
  });

  it('refuse a claim too early, too late, for an unknown line, above a line or above the agreement', () => {
    expect(keys(claimRefusals({ lines: [invoice()], submittedOn: '2027-06-20' }, terms, none))).toEqual([
      ['funding:errors.claim_too_early', null],
    ]);
    expect(keys(claimRefusals({ lines: [invoice()], submittedOn: '2028-06-01' }, terms, none))).toEqual([
      ['funding:errors.claim_deadline_passed', null],
    ]);
    expect(
      keys(
        claimRefusals({ lines: [invoice({ budgetLineId: 'nope' })], submittedOn: '2027-07-15' }, terms, none),
      ),
    ).toEqual([['funding:errors.budget_line_unknown', 'lines.0.budgetLineId']]);
    const above = claimRefusals(
      { lines: [invoice()], submittedOn: '2027-07-15' },
      terms,
      new Map([['site', 600_000]]),
    );
    expect(keys(above)).toEqual([['funding:errors.claim_above_line', 'lines.0.subtotalCents']]);
    expect(above[0]!.params).toEqual({ leftCents: 400_000, approvedCents: 1_000_000 });
    expect(
      keys(
        claimRefusals(
          { lines: [invoice({ budgetLineId: 'nope', subtotalCents: 1_300_000 })], submittedOn: '2027-07-15' },
          terms,
          none,
        ),
      ),
    ).toEqual([
      ['funding:errors.budget_line_unknown', 'lines.0.budgetLineId'],
      ['funding:errors.claim_above_agreement', null],
    ]);
  });

  it('count only the taxes the retailer cannot recover against a line', () => {
    const unregistered = { ...terms, registration: { gst: false, qst: false } };
    // 900 000 + 45 000 + 89 775 = 1 034 775 > 1 000 000 when taxes count; 900 000 alone fits.
    const line = invoice({ subtotalCents: 900_000, gstCents: 45_000, qstCents: 89_775 });
    expect(claimRefusals({ lines: [line], submittedOn: '2027-07-15' }, terms, none)).toEqual([]);
    expect(keys(claimRefusals({ lines: [line], submittedOn: '2027-07-15' }, unregistered, none))).toEqual([
      ['funding:errors.claim_above_line', 'lines.0.subtotalCents'],
    ]);
  });

  it('never accept cumulative claims beyond a line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 12 }), (subtotals) => {
        const earlier = new Map<string, number>();
        for (const subtotalCents of subtotals) {
          const line = invoice({ subtotalCents, gstCents: 0, qstCents: 0, gstNumber: null, qstNumber: null });
          if (claimRefusals({ lines: [line], submittedOn: '2027-07-15' }, terms, earlier).length === 0)
            earlier.set('site', (earlier.get('site') ?? 0) + subtotalCents);
        }
        expect(earlier.get('site') ?? 0).toBeLessThanOrEqual(1_000_000);
      }),
    );
  });
});

describe('duplicates', () => {
  it('flag the same supplier and invoice number written differently, and the same file anywhere', () => {
    const known = {
      invoices: [
        { claimId: 'c1', supplierName: 'AGENCE ZOE INC', invoiceNumber: 'f 001' },
        { claimId: 'c2', supplierName: 'Autre', invoiceNumber: 'F-001' },
      ],
      files: [{ claimId: 'c1', sha256: 'abc' }],
    };
    expect(
      duplicatesOf({ id: 'new', lines: [invoice(), invoice()], fileHashes: ['abc', 'def'] }, known),
    ).toEqual([
      { kind: 'invoice', lineIndex: 0, claimId: 'c1' },
      { kind: 'invoice', lineIndex: 1, claimId: 'new' },
      { kind: 'invoice', lineIndex: 1, claimId: 'c1' },
      { kind: 'file', sha256: 'abc', claimId: 'c1' },
    ]);
    // A claim is not its own duplicate when it is saved again.
    expect(duplicatesOf({ id: 'c1', lines: [invoice()], fileHashes: ['abc'] }, known)).toEqual([]);
  });
});
