/**
 * Statistical disclosure control for every aggregate that leaves the program team (decision 16).
 *
 * Rules (version `DISCLOSURE_RULES_VERSION`, printed on every report):
 * - **minimum count**: a cell counting from 1 to `minCount − 1` businesses is suppressed. The default,
 *   5, is the issue's and the reference's threshold for people (Statistics Canada, public-health
 *   practice): most retailers in the program are owner-run, so a count of businesses is nearly a count
 *   of people — stricter than INSEE's 3 enterprises (quality metadata S.7.2). A zero is shown: an
 *   empty cell says nothing about any business.
 * - **dominance** (INSEE S.7.2), for sums of money or hours: a cell where one business contributes more
 *   than `dominance` (85 %) of the sum is suppressed, since that business could tell the others' total.
 * - **secondary (complementary) suppression**: every line of the table (a row or a column with its
 *   total) that has exactly one suppressed cell gets a second one, the smallest non-zero value shown
 *   in it, until no line has exactly one (a fixed point). That alone leaves a gap: two blocks of
 *   suppressed cells joined by one cell let its value be recomputed by adding and subtracting whole
 *   rows and columns. So the table's equations are then solved over the suppressed cells, and while a
 *   primarily suppressed cell is still determined, one more cell is suppressed beside it and the
 *   whole is repeated. Each round suppresses one more cell, so it ends; when every non-zero cell is
 *   suppressed, nothing can be determined.
 * - no rounding: the reference makes base-5 rounding optional, and unrounded figures keep shown rows
 *   additive, which readers of the ministry's tables check.
 * A suppressed cell carries the reason as an i18n key; pages print « x » and the reason as a note.
 */
import { z } from 'zod';

/** Printed on every report; a change of rule or default is a new version. */
export const DISCLOSURE_RULES_VERSION = 'virage-sdc-1';

export const disclosureRulesSchema = z.strictObject({
  minCount: z.number().int().min(1).max(100).default(5),
  /** A share, 0.85 for 85 %. */
  dominance: z.number().gt(0).max(1).default(0.85),
});
export type DisclosureRules = z.output<typeof disclosureRulesSchema>;
export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = disclosureRulesSchema.parse({});

/**
 * The rules a program's administrator may set (decision 30): never a minimum count under INSEE's 3
 * enterprises, nor a dominance share so high or so low that the rule stops meaning « one business
 * makes the total » — each change is audited and printed on what it produces.
 */
export const programDisclosureRulesInput = z.strictObject({
  minCount: z.number().int().min(3).max(100),
  dominance: z.number().min(0.5).max(0.95),
});

export const SUPPRESSION_REASONS = {
  small_count: 'reporting:disclosure.reason.small_count',
  dominance: 'reporting:disclosure.reason.dominance',
  complementary: 'reporting:disclosure.reason.complementary',
} as const;
export type SuppressionReason = keyof typeof SUPPRESSION_REASONS;

/**
 * One cell's inputs: how many businesses it counts, and for a sum (money, hours) its value and the
 * largest single business's contribution. A count table leaves `sum` out; its value is the count.
 */
export type CellInput = { count: number; sum?: { value: number; largest: number } };

export type CellOutput =
  | { shown: true; value: number; count: number }
  | { shown: false; reason: SuppressionReason; reasonKey: (typeof SUPPRESSION_REASONS)[SuppressionReason] };

/** A published equation: the parts add up to the total (cells are indices into one flat list). */
export type Line = { parts: number[]; total: number };

const cellValue = (cell: CellInput) => cell.sum?.value ?? cell.count;
const cellsOf = (line: Line) => [...line.parts, line.total];

/** Why a cell is sensitive by itself, if it is. */
export function primaryReason(cell: CellInput, rules: DisclosureRules): SuppressionReason | null {
  if (cell.count > 0 && cell.count < rules.minCount) return 'small_count';
  if (cell.sum && cell.sum.value > 0 && cell.sum.largest > rules.dominance * cell.sum.value)
    return 'dominance';
  return null;
}

/** A line with exactly one suppressed cell gives it away: the total minus the rest, or the parts' sum. */
export function hasOneSuppressed(line: Line, suppressed: ReadonlySet<number>): boolean {
  return cellsOf(line).filter((i) => suppressed.has(i)).length === 1;
}

/**
 * The suppressed cells whose value follows exactly from the shown ones and the lines' equations: those
 * whose unit vector lies in the row space of the equations restricted to the suppressed cells, found by
 * reducing that matrix (coefficients 0 and ±1, a few hundred cells at most, so floating point with a
 * tolerance is exact enough).
 */
export function determinedCells(lines: Line[], suppressed: ReadonlySet<number>): Set<number> {
  const unknowns = [...suppressed].sort((a, b) => a - b);
  const column = new Map(unknowns.map((cell, i) => [cell, i]));
  const rows = lines
    .map((line) => {
      const row = new Array<number>(unknowns.length).fill(0);
      for (const part of line.parts) if (column.has(part)) row[column.get(part)!]! += 1;
      if (column.has(line.total)) row[column.get(line.total)!]! -= 1;
      return row;
    })
    .filter((row) => row.some((x) => x !== 0));
  const pivotRowOf = new Map<number, number[]>();
  let next = 0;
  for (let col = 0; col < unknowns.length && next < rows.length; col++) {
    let best = next;
    for (let r = next + 1; r < rows.length; r++)
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    if (Math.abs(rows[best]![col]!) < 1e-9) continue;
    [rows[next], rows[best]] = [rows[best]!, rows[next]!];
    const pivot = rows[next]!;
    const scale = pivot[col]!;
    for (let c = 0; c < pivot.length; c++) pivot[c]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === next) continue;
      const factor = rows[r]![col]!;
      if (Math.abs(factor) < 1e-12) continue;
      for (let c = 0; c < pivot.length; c++) rows[r]![c]! -= factor * pivot[c]!;
    }
    pivotRowOf.set(col, pivot);
    next++;
  }
  // A pivot variable is fixed when its reduced row names no free variable; a free one never is.
  const determined = new Set<number>();
  for (const [col, row] of pivotRowOf) {
    if (row.every((x, c) => c === col || Math.abs(x) < 1e-9)) determined.add(unknowns[col]!);
  }
  return determined;
}

/**
 * The complement from a pool of cells: the smallest non-zero value shown, ties by position (the same
 * table always gives the same pattern); a zero only when nothing else is left, since a hidden zero
 * protects nothing a reader cannot guess.
 */
function complementFrom(
  pool: number[],
  values: number[],
  suppressed: ReadonlySet<number>,
): number | undefined {
  const shown = pool.filter((i) => !suppressed.has(i)).sort((a, b) => values[a]! - values[b]! || a - b);
  return shown.find((i) => values[i]! > 0) ?? shown[0];
}

/**
 * Completes a suppression pattern: adds complementary cells until no line has exactly one suppressed
 * cell and none of `protect` is determined by the lines. Idempotent: a completed pattern comes back unchanged.
 */
export function completeSuppression(
  values: number[],
  lines: Line[],
  initial: ReadonlySet<number>,
  protect: ReadonlySet<number> = initial,
): Set<number> {
  // A table with no columns has lines of a total alone (always 0): no equation to protect against.
  const equations = lines.filter((line) => line.parts.length > 0);
  const suppressed = new Set(initial);
  const giveaway = (line: Line) => hasOneSuppressed(line, suppressed);
  for (;;) {
    for (let line = equations.find(giveaway); line; line = equations.find(giveaway)) {
      // Another cell of the line is shown: lines have a total and at least one part.
      suppressed.add(complementFrom(cellsOf(line), values, suppressed)!);
    }
    const exposed = [...determinedCells(equations, suppressed)]
      .filter((i) => protect.has(i))
      .sort((a, b) => a - b);
    if (exposed.length === 0) return suppressed;
    const beside = equations.filter((l) => cellsOf(l).includes(exposed[0]!)).flatMap(cellsOf);
    const complement =
      complementFrom(beside, values, suppressed) ??
      complementFrom(
        values.map((_, i) => i),
        values,
        suppressed,
      );
    // Everything suppressed: nothing is left to derive a value from.
    if (complement === undefined) return suppressed;
    suppressed.add(complement);
  }
}

/** Applies every rule to cells in one flat list with their published lines. */
export function protectCells(cells: CellInput[], lines: Line[], rules: DisclosureRules): CellOutput[] {
  const primary = new Map<number, SuppressionReason>();
  cells.forEach((cell, i) => {
    const reason = primaryReason(cell, rules);
    if (reason) primary.set(i, reason);
  });
  const suppressed = completeSuppression(cells.map(cellValue), lines, new Set(primary.keys()));
  return cells.map((cell, i) => {
    if (!suppressed.has(i)) return { shown: true, value: cellValue(cell), count: cell.count };
    const reason = primary.get(i) ?? 'complementary';
    return { shown: false, reason, reasonKey: SUPPRESSION_REASONS[reason] };
  });
}

/** A margin: counts and sums add up; the largest contribution is the largest of the parts'. */
function marginOf(parts: CellInput[]): CellInput {
  const count = parts.reduce((n, c) => n + c.count, 0);
  if (!parts.some((c) => c.sum)) return { count };
  const value = parts.reduce((n, c) => n + (c.sum?.value ?? 0), 0);
  const largest = Math.max(0, ...parts.map((c) => c.sum?.largest ?? 0));
  return { count, sum: { value, largest } };
}

export type ProtectedList = { cells: CellOutput[]; total: CellOutput; rulesVersion: string };

/** A one-dimensional table (say, businesses per region) with its total. */
export function protectList(
  cells: CellInput[],
  rules: DisclosureRules = DEFAULT_DISCLOSURE_RULES,
): ProtectedList {
  const all = [...cells, marginOf(cells)];
  const out = protectCells(all, [{ parts: cells.map((_, i) => i), total: cells.length }], rules);
  return {
    cells: out.slice(0, cells.length),
    total: out[cells.length]!,
    rulesVersion: DISCLOSURE_RULES_VERSION,
  };
}

export type ProtectedTable = {
  cells: CellOutput[][];
  rowTotals: CellOutput[];
  columnTotals: CellOutput[];
  grandTotal: CellOutput;
  rulesVersion: string;
};

/**
 * A two-dimensional table (say, region × size band) with row totals, column totals and the grand
 * total. Margins are computed here from the cells, so they always agree with them, and are cells
 * like the others: a small row total is suppressed, and it takes part in the lines of the margins.
 */
export function protectTable(
  cells: CellInput[][],
  rules: DisclosureRules = DEFAULT_DISCLOSURE_RULES,
): ProtectedTable {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  // Row r, column c is at r × (columns + 1) + c; column `columns` holds row totals, row `rows` column totals.
  const width = columns + 1;
  const at = (r: number, c: number) => r * width + c;
  const extended: CellInput[][] = [
    ...cells.map((row) => [...row, marginOf(row)]),
    Array.from({ length: width }, (_, c) =>
      marginOf(c < columns ? cells.map((row) => row[c]!) : cells.map((row) => marginOf(row))),
    ),
  ];
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
  const out = protectCells(extended.flat(), lines, rules);
  return {
    cells: cells.map((row, r) => row.map((_, c) => out[at(r, c)]!)),
    rowTotals: cells.map((_, r) => out[at(r, columns)]!),
    columnTotals: Array.from({ length: columns }, (_, c) => out[at(rows, c)]!),
    grandTotal: out[at(rows, columns)]!,
    rulesVersion: DISCLOSURE_RULES_VERSION,
  };
}
