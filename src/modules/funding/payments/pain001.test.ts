import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { parseCsvRecords } from '../../../kernel/csv.ts';
import { bankAccountSchema } from '../domain/bank-account.ts';
import { batchCsv } from './batch-csv.ts';
import { type CreditTransferBatch, pain001Xml } from './pain001.ts';

const projectRoot = path.resolve(import.meta.dirname, '../../../..');
const schema = path.resolve(projectRoot, '../shared/reference/schemas/pain.001.001.03.xsd');

const account = (institution: string, transit: string, number: string) =>
  bankAccountSchema.parse({ institution, transit, account: number });

const batch: CreditTransferBatch = {
  messageId: 'VIRAGE-2027-06-15-001',
  createdAt: new Date('2027-06-14T14:30:00.123Z'),
  executionDate: '2027-06-15',
  debtor: { name: 'Conseil québécois du commerce de détail', account: account('815', '30000', '1234567') },
  payments: [
    {
      endToEndId: 'CLAIM-0001',
      creditorName: 'Café & Fils <Ltée>',
      account: account('001', '12345', '123456789012'),
      amountCents: 240_000,
      remittance: 'Virage numérique — réclamation 0001',
    },
    {
      endToEndId: 'CLAIM-0002',
      creditorName: 'Boutique Noël « Chez Zoé »',
      account: account('006', '54321', '7654321'),
      amountCents: 123_456,
      remittance: 'Virage numérique — réclamation 0002',
    },
    {
      endToEndId: 'CLAIM-0003',
      creditorName: '=HYPERLINK("http://x")',
      account: account('815', '00011', '0000001'),
      amountCents: 5,
      remittance: 'Virage numérique — réclamation 0003',
    },
  ],
};

/** Reads the file back through the DOM of a parser (entities decoded), as a bank would. */
function readBack(xml: string) {
  const root = create(xml).root().node as unknown as Element;
  const text = (from: Element, name: string) => from.getElementsByTagName(name)[0]?.textContent ?? null;
  const header = root.getElementsByTagName('GrpHdr')[0]!;
  const info = root.getElementsByTagName('PmtInf')[0]!;
  const txs = [...root.getElementsByTagName('CdtTrfTxInf')].map((tx) => ({
    amount: text(tx, 'InstdAmt'),
    currency: tx.getElementsByTagName('InstdAmt')[0]!.getAttribute('Ccy'),
    creditor: text(tx.getElementsByTagName('Cdtr')[0]!, 'Nm'),
    routing: text(tx.getElementsByTagName('CdtrAgt')[0]!, 'MmbId'),
    clearing: text(tx.getElementsByTagName('CdtrAgt')[0]!, 'Cd'),
  }));
  return {
    header: {
      MsgId: text(header, 'MsgId'),
      NbOfTxs: text(header, 'NbOfTxs'),
      CtrlSum: text(header, 'CtrlSum'),
      CreDtTm: text(header, 'CreDtTm'),
    },
    info: {
      NbOfTxs: text(info, 'NbOfTxs'),
      CtrlSum: text(info, 'CtrlSum'),
      ReqdExctnDt: text(info, 'ReqdExctnDt'),
    },
    txs,
  };
}

describe('pain.001 payment file', () => {
  it('is valid against the ISO 20022 schema, checked by an independent validator', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pain001-'));
    const file = path.join(dir, 'batch.xml');
    writeFileSync(file, pain001Xml(batch));
    // xmllint exits non-zero (and execFileSync throws) when the file breaks the schema.
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('reads back with its counts, control sums, amounts, names and routing numbers', () => {
    const xml = pain001Xml(batch);
    expect(xml).toContain('Café &amp; Fils &lt;Ltée&gt;');
    const { header, info, txs } = readBack(xml);
    expect(header).toMatchObject({
      MsgId: 'VIRAGE-2027-06-15-001',
      NbOfTxs: '3',
      CtrlSum: '3634.61',
      CreDtTm: '2027-06-14T14:30:00Z',
    });
    expect(info).toMatchObject({ NbOfTxs: '3', CtrlSum: '3634.61', ReqdExctnDt: '2027-06-15' });
    expect(txs.map((t) => [t.amount, t.currency])).toEqual([
      ['2400.00', 'CAD'],
      ['1234.56', 'CAD'],
      ['0.05', 'CAD'],
    ]);
    expect(txs[0]).toMatchObject({ creditor: 'Café & Fils <Ltée>', clearing: 'CACPA', routing: '000112345' });
  });

  it('refuses what a bank would: no payment, a zero amount, an id too long', () => {
    expect(() => pain001Xml({ ...batch, payments: [] })).toThrow(RangeError);
    expect(() => pain001Xml({ ...batch, payments: [{ ...batch.payments[0]!, amountCents: 0 }] })).toThrow(
      RangeError,
    );
    expect(() => pain001Xml({ ...batch, messageId: 'x'.repeat(36) })).toThrow(RangeError);
  });

  it('has control sums equal to the sum of its amounts, to the cent (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000_000 }), { minLength: 1, maxLength: 20 }),
        (amounts) => {
          const payments = amounts.map((amountCents, i) => ({
            ...batch.payments[0]!,
            endToEndId: `C-${i}`,
            amountCents,
          }));
          const { header, txs } = readBack(pain001Xml({ ...batch, payments }));
          const sum = txs.reduce((s, t) => s + Math.round(Number(t.amount) * 100), 0);
          expect(sum).toBe(amounts.reduce((a, b) => a + b, 0));
          expect(Math.round(Number(header.CtrlSum) * 100)).toBe(sum);
          expect(header.NbOfTxs).toBe(String(amounts.length));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('batch CSV for the accounting system', () => {
  it('has one line per payment, masked accounts, and no formula a spreadsheet would run', () => {
    const csv = batchCsv(batch);
    const { records } = parseCsvRecords(csv);
    expect(records).toHaveLength(3);
    expect(records[1]).toMatchObject({
      creditor_name: 'Boutique Noël « Chez Zoé »',
      amount: '1234.56',
      account: '•••321',
    });
    expect(records[2]!.creditor_name).toBe('\'=HYPERLINK("http://x")');
    expect(csv).not.toContain('123456789012');
    for (const creditorName of ['+1+2', '-2+3', '@SUM(A1)', '=1+1']) {
      const [payment] = batch.payments;
      const [record] = parseCsvRecords(
        batchCsv({ ...batch, payments: [{ ...payment!, creditorName }] }),
      ).records;
      expect(record!.creditor_name).toBe(`'${creditorName}`);
    }
  });
});

describe('bank accounts', () => {
  it('have a 3-digit institution, a 5-digit transit and a 7 to 12-digit account', () => {
    expect(account('001', '12345', '1234-567').account).toBe('1234567');
    const issues = bankAccountSchema.safeParse({ institution: '01', transit: '1234', account: '123456' })
      .error?.issues;
    expect(issues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['institution', 'funding:errors.institution'],
      ['transit', 'funding:errors.transit'],
      ['account', 'funding:errors.account'],
    ]);
  });
});
