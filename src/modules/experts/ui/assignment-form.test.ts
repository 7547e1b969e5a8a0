import { describe, expect, it } from 'vitest';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { checkedPairs, manualFieldOf, pageNumber, pageOf, rowFieldOf } from './assignment-form.ts';
import { byField, profileInput } from './profile-form.ts';

const A = '0195f0a0-0000-7000-8000-00000000000a';
const B = '0195f0a0-0000-7000-8000-00000000000b';
const X = '0195f0a0-0000-7000-8000-0000000000e1';
const Y = '0195f0a0-0000-7000-8000-0000000000e2';

describe('the proposal form', () => {
  it('confirms only the ticked rows, each with the expert chosen in its row', () => {
    const form = { [`expert-${A}`]: X, [`expert-${B}`]: Y, confirm: B };
    const all = (name: string) => (name === 'confirm' ? [A, B, B] : []);
    expect(checkedPairs(form, all)).toEqual([
      { applicationId: A, expertId: X },
      { applicationId: B, expertId: Y },
    ]);
    expect(checkedPairs(form, () => [])).toEqual([]);
  });

  it("points a use case's message at the row it is about", () => {
    const pairs = [{ applicationId: A }, { applicationId: B }];
    expect(rowFieldOf('assignments.1.expertId', pairs)).toBe(`expert-${B}`);
    expect(rowFieldOf('assignments.0.applicationId', pairs)).toBe(`expert-${A}`);
    expect(rowFieldOf('assignments', pairs)).toBe('confirm');
    expect(rowFieldOf('assignments.7.expertId', pairs)).toBe('assignments.7.expertId');
    expect(manualFieldOf('assignments.0.reason')).toBe('reason');
    expect(manualFieldOf('assignments.0.expertId')).toBe('expertId');
    expect(manualFieldOf('assignments')).toBe('applicationId');
  });

  it('shows 100 rows a page, and the last page when asked for one past the end', () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pages: 3, first: 1, last: 100, total: 250 });
    expect(pageOf(rows, 3).items).toHaveLength(50);
    expect(pageOf(rows, 9)).toMatchObject({ page: 3, first: 201, last: 250 });
    expect(pageOf([], 2)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, items: [] });
    expect([pageNumber('2'), pageNumber('0'), pageNumber('-1'), pageNumber('x'), pageNumber(null)]).toEqual([
      2, 1, 1, 1, 1,
    ]);
  });
});

describe('the expert profile form', () => {
  it('reads whole numbers as typed in either language, and leaves anything else to validation', () => {
    expect(formNumber('250')).toBe(250);
    expect(formNumber('1 000')).toBe(1000);
    expect(formNumber('1\u00a0000')).toBe(1000);
    expect(formNumber('')).toBeUndefined();
    expect(formNumber('12,5')).toBe('12,5');
    expect(profileInput({ capacity: '30' }, (n) => (n === 'regions' ? ['06'] : []))).toEqual({
      regions: ['06'],
      languages: [],
      specialties: [],
      capacity: 30,
    });
  });

  it("shows a message about one value of a group on the group's field", () => {
    expect(byField({ 'regions.2': 'bad region', capacity: 'too low' })).toEqual({
      regions: 'bad region',
      capacity: 'too low',
    });
  });
});
