import { describe, expect, it } from 'vitest';
import { closureNeedsReason, littleDone } from './closure.ts';

describe('closing a file with little done', () => {
  it('asks for a reason with no session held, no plan, or under half of the actions done', () => {
    expect(littleDone({ sessionsHeld: 0, plan: { done: 6, total: 6 } })).toBe(true);
    expect(littleDone({ sessionsHeld: 3, plan: null })).toBe(true);
    expect(littleDone({ sessionsHeld: 3, plan: { done: 0, total: 0 } })).toBe(true);
    expect(littleDone({ sessionsHeld: 3, plan: { done: 1, total: 6 } })).toBe(true);
    expect(littleDone({ sessionsHeld: 1, plan: { done: 3, total: 6 } })).toBe(false);
  });

  it('always asks a reason to abandon, and to complete only when little was done', () => {
    const enough = { sessionsHeld: 2, plan: { done: 4, total: 5 } };
    expect(closureNeedsReason('abandoned', enough)).toBe(true);
    expect(closureNeedsReason('completed', enough)).toBe(false);
    expect(closureNeedsReason('completed', { sessionsHeld: 0, plan: { done: 1, total: 6 } })).toBe(true);
  });
});
