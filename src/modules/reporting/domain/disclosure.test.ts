import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellInput,
  type CellOutput,
  completeSuppression,
  DEFAULT_DISCLOSURE_RULES,
  DISCLOSURE_RULES_VERSION,
  determinedCells,
  hasOneSuppressed,
  type Line,
  primaryReason,
  protectList,
  protectTable,
} from './disclosure.ts';

const counts = (rows: number[][]): CellInput[][] => rows.map((row) => row.map((count) => ({ count })));
const x = (out: CellOutput) => (out.shown ? out.value : 'x');
const grid = (t: ReturnType<typeof protectTable>) => [
  ...t.cells.map((row, r) => [...row.map(x), x(t.rowTotals[r]!)]),
  [...t.columnTotals.map(x), x(t.grandTotal)],
];

/** The flat layout `protectTable` uses, rebuilt here to check its output against the table's equations. */
function flatten(t: ReturnType<typeof protectTable>): { outs: CellOutput[]; lines: Line[] } {
  const rows = t.cells.length;
  const columns = t.columnTotals.length;
  const width = columns + 1;
  const outs = [...t.cells.flatMap((row, r) => [...row, t.rowTotals[r]!]), ...t.columnTotals, t.grandTotal];
  const at = (r: number, c: number) => r * width + c;
  const lines: Line[] = [
    ...Array.from({ length: rows + 1 }, (_, r) => ({
      parts: Array.from({ length: columns }, (_, c) => at(r, c)),
      total: at(r, columns),
    })),
    ...Array.from({ length: width }, (_, c) => ({
      parts: Array.from({ length: rows }, (_, r) => at(r, c)),
      total: at(rows, c),
    })),
  ];
  return { outs, lines: lines.filter((l) => l.parts.length > 0) };
}

/** The table's values with its margins, in the same flat layout. */
function extendedValues(rows: number[][]): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const withTotals = rows.map((row) => [...row, sum(row)]);
  return [...withTotals.flat(), ...withTotals[0]!.map((_, c) => sum(withTotals.map((row) => row[c]!)))];
}

/** Rank of a 0/±1 matrix, by elimination written separately from the module's (the test's oracle). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let j = 0; j < m[i]!.length; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r++;
  }
  return r;
}

/** A suppressed cell is recoverable when removing its column from the system lowers the rank. */
function recoverable(lines: Line[], suppressed: number[], cell: number): boolean {
  const matrix = (cells: number[]) =>
    lines.map((l) => cells.map((i) => (l.parts.includes(i) ? 1 : 0) - (l.total === i ? 1 : 0)));
  return rank(matrix(suppressed)) > rank(matrix(suppressed.filter((i) => i !== cell)));
}

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, columns }) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
        minLength: columns,
        maxLength: columns,
      }),
      {
        minLength: rows,
        maxLength: rows,
      },
    ),
  );

describe('disclosure control', () => {
  it('suppresses a count from 1 to 4, shows 0 and 5 and more, and a sum one business dominates', () => {
    expect(primaryReason({ count: 0 }, DEFAULT_DISCLOSURE_RULES)).toBeNull();
    expect(primaryReason({ count: 1 }, DEFAULT_DISCLOSURE_RULES)).toBe('small_count');
    expect(primaryReason({ count: 4 }, DEFAULT_DISCLOSURE_RULES)).toBe('small_count');
    expect(primaryReason({ count: 5 }, DEFAULT_DISCLOSURE_RULES)).toBeNull();
    expect(primaryReason({ count: 9, sum: { value: 1000, largest: 851 } }, DEFAULT_DISCLOSURE_RULES)).toBe(
      'dominance',
    );
    expect(
      primaryReason({ count: 9, sum: { value: 1000, largest: 850 } }, DEFAULT_DISCLOSURE_RULES),
    ).toBeNull();
    expect(primaryReason({ count: 3 }, { minCount: 3, dominance: 0.85 })).toBeNull();
  });

  it('hides a second cell in a list so the total does not give the first away', () => {
    const list = protectList([{ count: 12 }, { count: 3 }, { count: 0 }, { count: 7 }, { count: 40 }]);
    expect(list.cells.map(x)).toEqual([12, 'x', 0, 'x', 40]);
    expect(list.cells[1]).toMatchObject({
      reason: 'small_count',
      reasonKey: 'reporting:disclosure.reason.small_count',
    });
    expect(list.cells[3]).toMatchObject({
      reason: 'complementary',
      reasonKey: 'reporting:disclosure.reason.complementary',
    });
    expect(x(list.total)).toBe(62);
    expect(list.rulesVersion).toBe(DISCLOSURE_RULES_VERSION);
  });

  it('protects rows, columns and margins of a two-dimensional table', () => {
    const table = protectTable(
      counts([
        [20, 2, 15],
        [30, 25, 10],
        [8, 9, 40],
      ]),
    );
    // 2 is primary; its row takes 15 (the smallest other), its column 9; then 15's column takes 10,
    // 10's row 25, 9's row 8, and 8's column 20, where every line has none or several hidden.
    expect(grid(table)).toEqual([
      ['x', 'x', 'x', 37],
      [30, 'x', 'x', 65],
      ['x', 'x', 40, 57],
      [58, 36, 65, 159],
    ]);
    expect(table.cells[0]![1]).toMatchObject({ reason: 'small_count' });
    expect(table.cells[0]![0]).toMatchObject({ reason: 'complementary' });
  });

  it('suppresses a small row total, and protects it through the margins', () => {
    const table = protectTable(
      counts([
        [1, 0],
        [20, 30],
        [10, 40],
      ]),
    );
    expect(table.rowTotals[0]).toMatchObject({ shown: false, reason: 'small_count' });
    expect(table.cells[0]![0]).toMatchObject({ shown: false, reason: 'small_count' });
    expect(table.cells[0]![1]).toEqual({ shown: true, value: 0, count: 0 });
  });

  it('closes the gap the line rule leaves: a cell joining two blocks is not recomputable', () => {
    // Two 2×2 blocks of suppressed cells joined by one cell: every line has 0 or ≥ 2 suppressed, yet
    // rows 3–4 minus columns 3–4 give the joining cell. The line rule alone accepts this pattern.
    const lines: Line[] = [
      { parts: [0, 1, 2, 3], total: 4 },
      { parts: [5, 6, 7, 8], total: 9 },
      { parts: [10, 11, 12, 13], total: 14 },
      { parts: [15, 16, 17, 18], total: 19 },
      { parts: [0, 5, 10, 15], total: 20 },
      { parts: [1, 6, 11, 16], total: 21 },
      { parts: [2, 7, 12, 17], total: 22 },
      { parts: [3, 8, 13, 18], total: 23 },
    ];
    const pattern = new Set([0, 1, 5, 6, 12, 13, 17, 18, 2]);
    expect(lines.some((l) => hasOneSuppressed(l, pattern))).toBe(false);
    expect(determinedCells(lines, pattern)).toEqual(new Set([2]));
    const values = Array.from({ length: 24 }, (_, i) => i + 5);
    const completed = completeSuppression(values, lines, pattern, new Set([2]));
    expect(completed.size).toBeGreaterThan(pattern.size);
    expect(determinedCells(lines, completed).has(2)).toBe(false);
  });

  it('never leaves a line with exactly one suppressed cell, nor a small or dominated cell shown (property)', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const { outs, lines } = flatten(protectTable(counts(rows)));
        const suppressed = new Set(outs.flatMap((o, i) => (o.shown ? [] : [i])));
        for (const line of lines) expect(hasOneSuppressed(line, suppressed)).toBe(false);
        for (const o of outs) if (o.shown) expect(o.value === 0 || o.value >= 5).toBe(true);
      }),
    );
  });

  it('leaves no primarily suppressed cell recoverable from the row and column totals (property)', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const { outs, lines } = flatten(protectTable(counts(rows)));
        const suppressed = outs.flatMap((o, i) => (o.shown ? [] : [i]));
        for (const cell of suppressed) {
          const out = outs[cell]!;
          if (!out.shown && out.reason !== 'complementary')
            expect(recoverable(lines, suppressed, cell)).toBe(false);
        }
      }),
    );
  });

  it('leaves no protected cell recoverable, whatever cells start suppressed (property)', () => {
    // Any pattern, not only small counts: patterns where every line already hides two cells but a
    // cell joins two blocks are rare from counts alone, and this is where the line rule falls short.
    const patterns = tables.chain((rows) =>
      fc.record({
        rows: fc.constant(rows),
        hidden: fc.array(fc.boolean(), {
          minLength: (rows.length + 1) * (rows[0]!.length + 1),
          maxLength: (rows.length + 1) * (rows[0]!.length + 1),
        }),
      }),
    );
    fc.assert(
      fc.property(patterns, ({ rows, hidden }) => {
        const { lines } = flatten(protectTable(counts(rows)));
        const values = extendedValues(rows);
        const initial = new Set(hidden.flatMap((h, i) => (h && values[i]! > 0 ? [i] : [])));
        const suppressed = [...completeSuppression(values, lines, initial)];
        for (const cell of initial) expect(recoverable(lines, suppressed, cell)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: completing a completed pattern changes nothing (property)', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const { outs, lines } = flatten(protectTable(counts(rows)));
        const values = outs.map((o, i) => (o.shown ? o.value : (rows.flat().concat()[i] ?? 0)));
        const suppressed = new Set(outs.flatMap((o, i) => (o.shown ? [] : [i])));
        const primary = new Set(
          outs.flatMap((o, i) => (!o.shown && o.reason !== 'complementary' ? [i] : [])),
        );
        expect(completeSuppression(values, lines, suppressed, primary)).toEqual(suppressed);
      }),
    );
  });

  it('shows totals that add up exactly when no cell of the line is suppressed (property)', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const { outs, lines } = flatten(protectTable(counts(rows)));
        for (const line of lines) {
          const cells = [...line.parts, line.total].map((i) => outs[i]!);
          if (cells.every((o) => o.shown)) {
            const sum = line.parts.reduce((n, i) => n + (outs[i] as { value: number }).value, 0);
            expect(sum).toBe((outs[line.total] as { value: number }).value);
          } else {
            // A suppressed line hides at least two cells, so shown parts never explain a shown total.
            expect(cells.filter((o) => !o.shown).length).toBeGreaterThanOrEqual(2);
          }
        }
      }),
    );
  });

  it('protects sums: dominance and small counts, on money (property on lists)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            count: fc.integer({ min: 0, max: 12 }),
            largest: fc.integer({ min: 0, max: 10_000 }),
            rest: fc.integer({ min: 0, max: 50_000 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (raw) => {
          const cells = raw.map(({ count, largest, rest }) =>
            count === 0
              ? { count: 0, sum: { value: 0, largest: 0 } }
              : { count, sum: { value: largest + (count > 1 ? rest : 0), largest } },
          );
          const list = protectList(cells);
          const all = [...list.cells, list.total];
          expect(all.filter((o) => !o.shown).length).not.toBe(1);
          all.forEach((o, i) => {
            const cell = i < cells.length ? cells[i]! : undefined;
            if (o.shown && cell) expect(primaryReason(cell, DEFAULT_DISCLOSURE_RULES)).toBeNull();
          });
        },
      ),
    );
  });
});
