/**
 * The criteria editor works without code or JavaScript: each criterion is one comparison, or up to
 * four comparisons joined by "all" or "any". These functions turn criteria into form fields and back.
 * Deeper nesting is kept as is (edited through the API).
 */
import type { Comparison, Condition, Criterion } from './eligibility.ts';

export const EDITABLE_ROWS = 4;

export type ComparisonRow = { fact: string; op: string; value: string };
export type CriterionForm = {
  id: string;
  labelFr: string;
  labelEn: string;
  join: 'all' | 'any';
  rows: ComparisonRow[];
  failureFr: string;
  failureEn: string;
  successFr: string;
  successEn: string;
  /** A condition too deep for the form: shown read-only, kept unchanged. */
  locked: boolean;
};

function rowOf(c: Comparison): ComparisonRow {
  switch (c.op) {
    case 'in':
      return { fact: c.fact, op: c.op, value: c.values.join(', ') };
    case 'between':
      return { fact: c.fact, op: c.op, value: `${c.min} - ${c.max}` };
    case 'lte':
    case 'gte':
    case 'equals':
      return { fact: c.fact, op: c.op, value: String(c.value) };
    case 'format':
      return { fact: c.fact, op: c.op, value: c.format };
    case 'present':
      return { fact: c.fact, op: c.op, value: '' };
  }
}

const isComparison = (c: Condition): c is Comparison => 'op' in c;

export function toForm(criterion: Criterion): CriterionForm {
  const test = criterion.test;
  const group =
    'all' in test
      ? { join: 'all' as const, parts: test.all }
      : 'any' in test
        ? { join: 'any' as const, parts: test.any }
        : undefined;
  const parts = group ? group.parts : [test];
  const locked = !parts.every(isComparison) || parts.length > EDITABLE_ROWS;
  return {
    id: criterion.id,
    labelFr: criterion.label.fr,
    labelEn: criterion.label.en,
    join: group?.join ?? 'all',
    rows: locked ? [] : (parts as Comparison[]).map(rowOf),
    failureFr: criterion.failure.fr,
    failureEn: criterion.failure.en,
    successFr: criterion.success.fr,
    successEn: criterion.success.en,
    locked,
  };
}

/** A typed value back into the comparison; what cannot be read stays text, for validation to name. */
function comparisonOf(row: ComparisonRow): Comparison | Record<string, unknown> {
  const number = (v: string) => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v);
  switch (row.op) {
    case 'in':
      return {
        op: 'in',
        fact: row.fact,
        values: row.value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      };
    case 'between': {
      const [min = '', max = ''] = row.value.split(/\s+(?:-|–|à|to)\s+|\s*–\s*/);
      return { op: 'between', fact: row.fact, min: number(min), max: number(max) };
    }
    case 'lte':
    case 'gte':
      return { op: row.op, fact: row.fact, value: number(row.value) };
    case 'equals': {
      const v = row.value.trim();
      return { op: 'equals', fact: row.fact, value: v === 'true' ? true : v === 'false' ? false : number(v) };
    }
    case 'format':
      return { op: 'format', fact: row.fact, format: row.value.trim() };
    default:
      return { op: row.op, fact: row.fact };
  }
}

export function fromForm(form: CriterionForm, previous: Criterion | undefined): Record<string, unknown> {
  const rows = form.rows.filter((r) => r.fact.trim() !== '');
  const test =
    form.locked && previous
      ? previous.test
      : rows.length === 1
        ? comparisonOf(rows[0]!)
        : { [form.join]: rows.map(comparisonOf) };
  return {
    id: form.id,
    label: { fr: form.labelFr, en: form.labelEn },
    test,
    failure: { fr: form.failureFr, en: form.failureEn },
    success: { fr: form.successFr, en: form.successEn },
  };
}
