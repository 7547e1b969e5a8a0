import { describe, expect, it } from 'vitest';
import { fromForm, toForm } from './criteria-form.ts';
import { DEFAULT_CRITERIA } from './eligibility.ts';

describe('criteria editor form', () => {
  it('round-trips every default criterion through the form unchanged', () => {
    for (const criterion of DEFAULT_CRITERIA) {
      expect(fromForm(toForm(criterion), criterion)).toEqual(criterion);
    }
  });

  it('reads typed values: lists, ranges, numbers, booleans', () => {
    const base = toForm(DEFAULT_CRITERIA[3]!);
    const edited = fromForm(
      { ...base, rows: [{ fact: 'employees', op: 'between', value: '1 à 20' }] },
      undefined,
    );
    expect(edited.test).toEqual({ op: 'between', fact: 'employees', min: 1, max: 20 });
    const list = fromForm(
      { ...base, rows: [{ fact: 'naics', op: 'in', value: '445, 458 ,459' }] },
      undefined,
    );
    expect(list.test).toEqual({ op: 'in', fact: 'naics', values: ['445', '458', '459'] });
    const flag = fromForm(
      { ...base, rows: [{ fact: 'alreadyInProgram', op: 'equals', value: 'false' }] },
      undefined,
    );
    expect(flag.test).toEqual({ op: 'equals', fact: 'alreadyInProgram', value: false });
  });
});
