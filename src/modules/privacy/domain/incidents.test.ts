import { describe, expect, it } from 'vitest';
import { keptUntil } from './incidents.ts';

describe('how long the incident register keeps an entry', () => {
  it('keeps it five years after the day it was learned of, 29 February until 1 March', () => {
    expect(keptUntil('2027-01-08')).toBe('2032-01-08');
    expect(keptUntil('2028-02-29')).toBe('2033-03-01');
    expect(keptUntil('2027-12-31')).toBe('2032-12-31');
  });
});
