import { describe, expect, it } from 'vitest';
import { type KeyedFile, reconcile, signalsOf } from './groups.ts';

const file = (key: string, applicationId: string, claimId: string | null = null): KeyedFile => ({
  key,
  value: key.toUpperCase(),
  applicationId,
  claimId,
  programId: 'p',
});

describe('signals of keyed files', () => {
  it('raises a key shared by distinct files, once per key, whatever the order rows come in', () => {
    const found = signalsOf('same_phone', [
      file('k1', 'b'),
      file('k2', 'c'),
      file('k1', 'a'),
      file('k1', 'a'),
    ]);
    expect(found).toEqual([
      {
        kind: 'same_phone',
        fingerprint: 'same_phone:k1',
        matchKey: 'k1',
        files: [
          { applicationId: 'a', claimId: null, programId: 'p' },
          { applicationId: 'b', claimId: null, programId: 'p' },
        ],
        evidence: { value: 'K1', count: 2 },
        filesKey: 'a,b',
      },
    ]);
  });

  it('counts claims, not businesses, for the claim kinds; and honours a higher minimum', () => {
    expect(signalsOf('same_invoice', [file('i', 'a', 'c1'), file('i', 'a', 'c2')])).toHaveLength(1);
    expect(signalsOf('many_from_network', [file('ip', 'a'), file('ip', 'b')], 3)).toEqual([]);
  });
});

describe('reconciling found signals with kept ones', () => {
  const found = signalsOf('same_neq', [file('n', 'a'), file('n', 'b')]);
  it('inserts what is new and leaves an unchanged signal alone, resolved or not', () => {
    expect(reconcile([], found).insert).toHaveLength(1);
    const kept = [{ id: 's', fingerprint: 'same_neq:n', filesKey: 'a,b', status: 'dismissed' }];
    expect(reconcile(kept, found)).toEqual({ insert: [], change: [], drop: [] });
  });

  it('reopens a resolved signal whose files changed, and drops an open one whose evidence is gone', () => {
    const kept = [
      { id: 's', fingerprint: 'same_neq:n', filesKey: 'a', status: 'confirmed' },
      { id: 't', fingerprint: 'same_neq:gone', filesKey: 'a,c', status: 'open' },
      { id: 'u', fingerprint: 'same_neq:old', filesKey: 'a,d', status: 'dismissed' },
    ];
    const plan = reconcile(kept, found);
    expect(plan.change).toEqual([{ id: 's', found: found[0], reopen: true }]);
    expect(plan.drop).toEqual(['t']);
  });
});
