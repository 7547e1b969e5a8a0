import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../kernel/format.ts';
import { isOverdue, missingForApproval } from '../../coaching/index.ts';
import { actionProgress, type PlanDraft, planToSave } from './plans.ts';
import { randomFor } from './random.ts';

const DAY = 86_400_000;
const now = new Date('2027-01-15T15:00:00Z');

const suggested: PlanDraft = {
  currentState: 'Niveau : en développement (38/100). Points faibles : marketing (21), données (25).',
  goals: 'Vendre en ligne.',
  budgetCents: null,
  timeline: '',
  actions: Array.from({ length: 6 }, (_, i) => ({
    id: null,
    objective: `Action ${i + 1}`,
    steps: 'Étapes',
    owner: '',
    dueDate: null,
    estimatedCostCents: 25_000 * i,
    status: 'todo' as const,
    note: '',
    supplierId: null,
    recommendationKey: `marketing_${i}`,
  })),
};
const options = (approve: boolean, n: number) => ({
  approve,
  at: new Date(now.getTime() - 60 * DAY),
  language: 'fr' as const,
  owners: { retailer: 'Zoé Tremblay', together: 'Zoé Tremblay et Mathieu Roy' },
  supplierFor: () => 'supplier-id',
  random: randomFor(2, 'plan', n),
});

describe('demo action plans', () => {
  it('are saved as drafts first, then approved with everything approval asks for', () => {
    for (let n = 0; n < 30; n++) {
      const draft = planToSave(suggested, options(false, n));
      expect(draft.status).toBe('draft');
      expect(missingForApproval(draft).length).toBeGreaterThan(0);
      const approved = planToSave(draft, options(true, n));
      expect(approved.status).toBe('approved');
      expect(missingForApproval(approved)).toEqual([]);
      expect(approved.actions.length).toBeLessThanOrEqual(5);
      expect(approved.budgetCents! % 50_000).toBe(0);
    }
    const empty = planToSave({ ...suggested, actions: [] }, options(true, 0));
    expect(missingForApproval(empty)).toEqual([]);
  });

  it('progress after approval, leaving some actions overdue, and all done before a completed closure', () => {
    const approved = planToSave(suggested, options(true, 1));
    const approvedAt = options(true, 1).at;
    let overdue = 0;
    for (let n = 0; n < 40; n++) {
      const updates = actionProgress(approved.actions, {
        approvedAt,
        now,
        closure: null,
        random: randomFor(2, 'progress', n),
      });
      for (const u of updates) {
        expect(u.at.getTime()).toBeGreaterThan(approvedAt.getTime());
        expect(u.at.getTime()).toBeLessThan(now.getTime());
      }
      const statuses = approved.actions.map((a, i) => ({
        ...a,
        status: updates.findLast((u) => u.action === i)?.status ?? a.status,
      }));
      if (statuses.some((a) => isOverdue(a, formatDate(now)))) overdue++;
    }
    expect(overdue).toBeGreaterThan(3);
    expect(overdue).toBeLessThan(40);
    const closedAt = new Date(now.getTime() - 5 * DAY);
    const done = actionProgress(approved.actions, {
      approvedAt,
      now,
      closure: { at: closedAt, outcome: 'completed' },
      random: randomFor(2, 'progress'),
    });
    expect(done.map((u) => u.action).sort()).toEqual(approved.actions.map((_, i) => i));
    expect(done.every((u) => u.status === 'done' && u.at < closedAt)).toBe(true);
  });
});
