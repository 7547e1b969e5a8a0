import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleAmount, recoverableTaxes, TAX_POLICIES, taxesOf } from './taxes.ts';

const registered = { gst: true, qst: true };
const unregistered = { gst: false, qst: false };
const subtotalArb = fc.integer({ min: 0, max: 100_000_000 });

describe('Québec taxes', () => {
  it('computes GST on the price and QST on the price before GST, to the cent (hand-computed)', () => {
    // 100,00 $: GST 5,00 ; QST 9,975 → 9,98 ; total 114,98 $.
    expect(taxesOf(10_000)).toEqual({ gst: 500, qst: 998 });
    // 12 000,00 $: GST 600,00 ; QST 1 197,00 (not 1 256,85, which would be QST on price + GST).
    expect(taxesOf(1_200_000)).toEqual({ gst: 60_000, qst: 119_700 });
    // 19,99 $: GST 0,9995 → 1,00 ; QST 1,9940025 → 1,99.
    expect(taxesOf(1999)).toEqual({ gst: 100, qst: 199 });
    // 0,10 $: GST 0,005 → 0,01 (half up) ; QST 0,009975 → 0,01.
    expect(taxesOf(10)).toEqual({ gst: 1, qst: 1 });
    expect(taxesOf(0)).toEqual({ gst: 0, qst: 0 });
  });

  it('counts only the taxes a retailer cannot recover, by default', () => {
    const invoice = { subtotal: 1_200_000, gst: 60_000, qst: 119_700 };
    expect(eligibleAmount(invoice, registered, 'non_recoverable')).toBe(1_200_000);
    expect(eligibleAmount(invoice, unregistered, 'non_recoverable')).toBe(1_379_700);
    expect(eligibleAmount(invoice, { gst: true, qst: false }, 'non_recoverable')).toBe(1_319_700);
    expect(eligibleAmount(invoice, registered, 'include_all')).toBe(1_379_700);
    expect(eligibleAmount(invoice, unregistered, 'exclude_all')).toBe(1_200_000);
    expect(recoverableTaxes(invoice, registered)).toBe(179_700);
  });

  it('taxes of a sum and the sum of the taxes of its parts differ only by rounding (property)', () => {
    fc.assert(
      fc.property(subtotalArb, subtotalArb, (a, b) => {
        const whole = taxesOf(a + b);
        const parts = [taxesOf(a), taxesOf(b)];
        expect(Math.abs(whole.gst - parts[0]!.gst - parts[1]!.gst)).toBeLessThanOrEqual(1);
        expect(Math.abs(whole.qst - parts[0]!.qst - parts[1]!.qst)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('each tax is within half a cent of its exact value, QST never on GST (property)', () => {
    fc.assert(
      fc.property(subtotalArb, (subtotal) => {
        const { gst, qst } = taxesOf(subtotal);
        expect(Math.abs(gst * 100 - subtotal * 5)).toBeLessThanOrEqual(50);
        expect(Math.abs(qst * 100_000 - subtotal * 9975)).toBeLessThanOrEqual(50_000);
      }),
    );
  });

  it('the eligible amount lies between the subtotal and the total, and registering never raises it (property)', () => {
    fc.assert(
      fc.property(
        subtotalArb,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...TAX_POLICIES),
        (subtotal, g, q, policy) => {
          const invoice = { subtotal, ...taxesOf(subtotal) };
          const eligible = eligibleAmount(invoice, { gst: g, qst: q }, policy);
          expect(eligible).toBeGreaterThanOrEqual(subtotal);
          expect(eligible).toBeLessThanOrEqual(subtotal + invoice.gst + invoice.qst);
          expect(eligibleAmount(invoice, registered, policy)).toBeLessThanOrEqual(eligible);
          expect(eligibleAmount(invoice, unregistered, policy)).toBeGreaterThanOrEqual(eligible);
        },
      ),
    );
  });
});
