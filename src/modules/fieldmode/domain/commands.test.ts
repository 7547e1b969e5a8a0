import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldConflicts, heldConflicts, PAYLOADS, planActionChange, sameAnswer } from './commands.ts';

const V1 = '2027-01-15T15:00:00.000Z';
const V2 = '2027-01-15T16:00:00.000Z';

describe('conflict rules of offline changes', () => {
  it('takes a change when the record did not move since the pack', () => {
    expect(
      fieldConflicts({ baseVersion: V1, baseValue: 'none', mine: 'basic' }, { version: V1, value: 'x' }),
    ).toBe(false);
  });

  it('takes a change when another field of the record moved, or the same change was made', () => {
    expect(
      fieldConflicts({ baseVersion: V1, baseValue: 'none', mine: 'basic' }, { version: V2, value: 'none' }),
    ).toBe(false);
    expect(
      fieldConflicts({ baseVersion: V1, baseValue: 'none', mine: 'basic' }, { version: V2, value: 'basic' }),
    ).toBe(false);
  });

  it('is a conflict when someone else changed that very field to something else', () => {
    expect(
      fieldConflicts(
        { baseVersion: V1, baseValue: 'none', mine: 'basic' },
        { version: V2, value: 'updated' },
      ),
    ).toBe(true);
    // A record the pack did not have a version of is compared on its value alone.
    expect(
      fieldConflicts(
        { baseVersion: null, baseValue: 'todo', mine: 'done' },
        { version: V1, value: 'dropped' },
      ),
    ).toBe(true);
  });

  it('compares multiple-choice answers as sets', () => {
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameAnswer('a', ['a'])).toBe(true);
    expect(sameAnswer(null, [])).toBe(true);
    expect(sameAnswer(['a'], ['a', 'b'])).toBe(false);
    expect(
      fieldConflicts(
        { baseVersion: V1, baseValue: ['a'], mine: ['a', 'b'] },
        { version: V2, value: ['b', 'a'] as string[] | null },
        sameAnswer,
      ),
    ).toBe(false);
  });

  it('is a conflict exactly when the version moved and the server has a third value', () => {
    const value = fc.constantFrom('todo', 'in_progress', 'done', 'dropped');
    fc.assert(
      fc.property(fc.boolean(), value, value, value, (moved, base, mine, server) => {
        const conflict = fieldConflicts(
          { baseVersion: V1, baseValue: base, mine },
          { version: moved ? V2 : V1, value: server },
        );
        expect(conflict).toBe(moved && server !== base && server !== mine);
      }),
    );
  });

  it('lets a session be recorded held unless other hours were recorded meanwhile', () => {
    const scheduled = { version: V2, status: 'scheduled', minutesLogged: null };
    expect(heldConflicts({ baseVersion: V1, minutes: 90 }, scheduled)).toBe(false);
    expect(
      heldConflicts({ baseVersion: V1, minutes: 90 }, { version: V2, status: 'held', minutesLogged: 90 }),
    ).toBe(false);
    expect(
      heldConflicts({ baseVersion: V1, minutes: 90 }, { version: V2, status: 'held', minutesLogged: 60 }),
    ).toBe(true);
    // Held with other hours by the expert themself before the pack was made: their pack showed it.
    expect(
      heldConflicts({ baseVersion: V2, minutes: 90 }, { version: V2, status: 'held', minutesLogged: 60 }),
    ).toBe(false);
  });

  it('takes a plan action change of one field, its status or its note, never both or neither', () => {
    const actionId = '01a25139-5ff7-7d05-9e54-9cc5a7b42099';
    const schema = PAYLOADS['update-plan-action'];
    const note = schema.parse({ actionId, note: 'Signé', baseNote: '' });
    expect(planActionChange(note)).toEqual({ field: 'note', mine: 'Signé', base: '' });
    const status = schema.parse({ actionId, status: 'done', baseStatus: 'todo' });
    expect(planActionChange(status)).toEqual({ field: 'status', mine: 'done', base: 'todo' });
    expect(
      schema.safeParse({ actionId, status: 'done', baseStatus: 'todo', note: 'x', baseNote: '' }).success,
    ).toBe(false);
    expect(schema.safeParse({ actionId }).success).toBe(false);
  });
});
