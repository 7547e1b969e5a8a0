import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, csvField, parseCsv, parseCsvRecords, toCsv } from './csv.ts';

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and a byte-order mark', () => {
    const text = '\uFEFFname,notes\r\n"Boutique ""Chez Zoé"", inc.","ligne 1\nligne 2"\r\nÉpicerie,\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'notes'],
      ['Boutique "Chez Zoé", inc.', 'ligne 1\nligne 2'],
      ['Épicerie', ''],
    ]);
    expect(parseCsvRecords('A, B\n1,2\n').records).toEqual([{ a: '1', b: '2' }]);
    expect(parseCsv('nom;employés\nZoé, inc.;12\n')).toEqual([
      ['nom', 'employés'],
      ['Zoé, inc.', '12'],
    ]);
  });

  it('neutralises spreadsheet formulas in exports', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-12')).toBe("'-12");
    expect(csvField(-12)).toBe('-12');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('reads back what it writes (property)', () => {
    const safe = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s) && s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(fc.array(safe, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          expect(parseCsv(toCsv(['a', 'b'], rows))).toEqual([['a', 'b'], ...rows]);
        },
      ),
    );
  });

  it('reads the same rows whatever pieces the text arrives in (property)', () => {
    const text = '\uFEFFa,b\r\n"x ""y""\r\nz",2\r\n\r\n"",last\r\nend,"q"""';
    const whole = parseCsv(text);
    expect(whole).toEqual([
      ['a', 'b'],
      ['x "y"\r\nz', '2'],
      ['', 'last'],
      ['end', 'q"'],
    ]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), (cuts) => {
        const at = [0, ...cuts.sort((x, y) => x - y), text.length];
        const reader = new CsvReader();
        const rows = at.slice(1).flatMap((end, i) => reader.push(text.slice(at[i], end)));
        expect([...rows, ...reader.end()]).toEqual(whole);
      }),
    );
  });
});
