import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../kernel/csv.ts';
import { createI18n, translatorFor } from '../i18n/i18n.ts';
import { exportFile } from './export.ts';
import type { ExportTable } from './table.ts';

const i18n = createI18n({
  fr: {
    report: {
      title: 'Demandes : liste/file',
      name: 'Nom',
      count: 'Employés',
      paid: 'Versé',
      at: 'Déposée le',
      day: 'Échéance',
    },
  },
  en: {
    report: {
      title: 'Applications: list/queue',
      name: 'Name',
      count: 'Employees',
      paid: 'Paid',
      at: 'Submitted on',
      day: 'Due',
    },
  },
});

type Row = { name: string; employees: number; paidCents: number; submittedAt: Date; due: string | null };

const table: ExportTable<Row> = {
  title: 'report:title',
  columns: [
    { header: 'report:name', type: 'text', width: 40, value: (r) => r.name },
    { header: 'report:count', type: 'number', value: (r) => r.employees },
    { header: 'report:paid', type: 'money', value: (r) => r.paidCents },
    { header: 'report:at', type: 'date', value: (r) => r.submittedAt },
    { header: 'report:day', type: 'day', value: (r) => r.due },
  ],
};

const DANGEROUS = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tTab', '\rReturn'];

const rows: Row[] = [
  {
    name: 'Café « Noël », Inc.',
    employees: -4,
    paidCents: 123_456,
    submittedAt: new Date('2027-03-31T18:05:00Z'),
    due: '2027-06-30',
  },
  ...DANGEROUS.map((name) => ({
    name,
    employees: 1,
    paidCents: 0,
    submittedAt: new Date('2027-01-15T15:00:00Z'),
    due: null,
  })),
];

const ctx = (locale: 'fr' | 'en') => ({
  t: translatorFor(i18n, locale),
  locale,
  now: () => new Date('2027-04-01T12:00:00Z'),
  services: { config: { exportRowLimit: 5000 } },
});

async function readXlsx(body: Uint8Array | string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

describe('CSV export', () => {
  it('is RFC 4180 UTF-8 with a byte-order mark, headers in the reader’s language, machine-readable values', async () => {
    const file = await exportFile(ctx('fr'), 'csv', table, rows);
    const text = file.body as string;
    expect(file.contentType).toBe('text/csv; charset=utf-8; header=present');
    expect(file.filename).toBe('demandes-liste-file-2027-04-01.csv');
    expect(text.startsWith('\uFEFFNom,Employés,Versé,Déposée le,Échéance\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(
      '"Café « Noël », Inc.",-4,1234.56,2027-03-31T14:05:00-04:00,2027-06-30',
    );
    expect(parseCsv(text)[0]).toEqual(['Nom', 'Employés', 'Versé', 'Déposée le', 'Échéance']);
    const english = await exportFile(ctx('en'), 'csv', table, rows);
    expect((english.body as string).split('\r\n')[0]).toBe('\uFEFFName,Employees,Paid,Submitted on,Due');
    expect(english.filename).toBe('applications-list-queue-2027-04-01.csv');
  });

  it('neutralises every text that a spreadsheet would run as a formula, and only text', async () => {
    const parsed = parseCsv((await exportFile(ctx('fr'), 'csv', table, rows)).body as string).slice(2);
    expect(parsed.map((r) => r[0])).toEqual(DANGEROUS.map((d) => `'${d}`));
    // A negative number is a number, not a formula.
    expect(parseCsv((await exportFile(ctx('fr'), 'csv', table, rows)).body as string)[1]![1]).toBe('-4');
  });
});

describe('XLSX export', () => {
  it('has typed cells: numbers, money with a currency format, dates in Montréal time', async () => {
    const file = await exportFile(ctx('fr'), 'xlsx', table, rows);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.filename).toBe('demandes-liste-file-2027-04-01.xlsx');
    const sheet = (await readXlsx(file.body)).worksheets[0]!;
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Café « Noël », Inc.');
    expect(first.getCell(2).value).toBe(-4);
    expect(first.getCell(3).value).toBe(1234.56);
    expect(first.getCell(3).numFmt).toContain('"$"');
    // 14:05 on a Montréal clock, as Excel has no time zones.
    expect(first.getCell(4).value).toEqual(new Date('2027-03-31T14:05:00Z'));
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(5).value).toEqual(new Date('2027-06-30T00:00:00Z'));
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(3).getCell(5).value).toBeNull();
  });

  it('has a bold frozen header row in the reader’s language, a valid sheet name and the language in its properties', async () => {
    for (const [locale, header, name] of [
      ['fr', 'Nom', 'Demandes   liste file'],
      ['en', 'Name', 'Applications  list queue'],
    ] as const) {
      const workbook = await readXlsx((await exportFile(ctx(locale), 'xlsx', table, rows)).body);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe(name);
      expect(sheet.getRow(1).getCell(1).value).toBe(header);
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBe(40);
      expect(workbook.model.language).toBe(`${locale}-CA`);
      expect(workbook.title).toBe(locale === 'fr' ? 'Demandes : liste/file' : 'Applications: list/queue');
    }
  });

  it('stores a formula-like text as text with an apostrophe, never as a formula', async () => {
    const sheet = (await readXlsx((await exportFile(ctx('fr'), 'xlsx', table, rows)).body)).worksheets[0]!;
    const names = DANGEROUS.map((_, i) => sheet.getRow(i + 3).getCell(1));
    // XML reads a raw carriage return as a line feed: still text behind the apostrophe.
    expect(names.map((c) => c.value)).toEqual(DANGEROUS.map((d) => `'${d.replace('\r', '\n')}`));
    expect(names.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });
});

describe('export limits', () => {
  it('refuses a list longer than the limit instead of holding the server', async () => {
    const many = Array.from({ length: 5001 }, () => rows[0]!);
    await expect(exportFile(ctx('fr'), 'csv', table, many)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });
});
