import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors.ts';
import {
  editPlanForm,
  type PlanForm,
  planEditOf,
  planFormFrom,
  planFormOf,
  planInputOf,
} from './plan-form.ts';

const submitted = {
  currentState: 'Site vitrine',
  goals: '20 commandes',
  budgetCents: '5 000',
  timeline: 'Février à juin',
  'actions.1.objective': 'Deuxième',
  'actions.1.key': 'b',
  'actions.0.objective': 'Première',
  'actions.0.key': 'a',
  'actions.0.id': '01a219bf-7178-7a38-a853-71a28607429e',
  'actions.0.estimatedCostCents': '1 500,50',
  'actions.0.status': 'in_progress',
  'actions.0.dueDate': '2027-03-31',
  'actions.0.note': 'Devis reçu de deux agences',
  'actions.0.unknown': 'ignored',
  op: 'draft',
};

describe('the action plan form', () => {
  it('reads the actions back in the order of their numbers', () => {
    const form = planFormFrom(submitted);
    expect(form.actions.map((a) => [a.key, a.objective, a.status])).toEqual([
      ['a', 'Première', 'in_progress'],
      ['b', 'Deuxième', 'todo'],
    ]);
    expect(form.budgetCents).toBe('5 000');
  });

  it('adds, moves and removes actions, and says where the focus goes', () => {
    const form = planFormFrom(submitted);
    const objectives = (f: PlanForm) => f.actions.map((a) => a.objective || '(new)');
    const added = editPlanForm(form, planEditOf('add')!, 'new-1');
    expect([objectives(added.form), added.focus]).toEqual([['Première', 'Deuxième', '(new)'], 2]);
    const up = editPlanForm(added.form, planEditOf('up:2')!, 'x');
    expect([objectives(up.form), up.focus]).toEqual([['Première', '(new)', 'Deuxième'], 1]);
    const down = editPlanForm(up.form, planEditOf('down:0')!, 'x');
    expect([objectives(down.form), down.focus]).toEqual([['(new)', 'Première', 'Deuxième'], 1]);
    const removed = editPlanForm(down.form, planEditOf('remove:2')!, 'x');
    expect([objectives(removed.form), removed.focus]).toEqual([['(new)', 'Première'], 1]);
    // Out of range: nothing moves.
    expect(objectives(editPlanForm(form, planEditOf('up:0')!, 'x').form)).toEqual(['Première', 'Deuxième']);
    expect(planEditOf('draft')).toBeUndefined();
    expect(planEditOf('up:999')).toBeUndefined();
  });

  it('turns the form into the plan to save: amounts in cents, empty fields as none', () => {
    const input = planInputOf(planFormFrom(submitted), 'approved');
    expect(input).toMatchObject({ budgetCents: 500_000, status: 'approved' });
    expect(input.actions[0]).toMatchObject({
      id: '01a219bf-7178-7a38-a853-71a28607429e',
      estimatedCostCents: 150_050,
      dueDate: '2027-03-31',
      note: 'Devis reçu de deux agences',
      supplierId: null,
    });
    expect(input.actions[1]).toMatchObject({ id: null, estimatedCostCents: null, dueDate: null, note: '' });
  });

  it('refuses an amount it cannot read, naming the field and the action', () => {
    try {
      planInputOf(
        planFormFrom({ ...submitted, budgetCents: 'beaucoup', 'actions.1.estimatedCostCents': '8OO' }),
        'draft',
      );
      expect.unreachable();
    } catch (error) {
      if (!isAppError(error)) throw error;
      expect(error.fields).toEqual([
        { path: 'budgetCents', key: 'coaching:ui.validation.money' },
        {
          path: 'actions.1.estimatedCostCents',
          key: 'coaching:ui.validation.action_money',
          params: { position: '2' },
        },
      ]);
    }
  });

  it('shows a saved plan as it would be typed', () => {
    const form = planFormOf(
      {
        currentState: '',
        goals: '',
        budgetCents: 750_050,
        timeline: '',
        actions: [
          {
            id: null,
            recommendationKey: 'rec-1',
            objective: 'Suggérée',
            steps: '',
            owner: '',
            dueDate: null,
            estimatedCostCents: 30_000,
            status: 'todo',
            note: 'À voir avec Zoé',
            supplierId: null,
          },
        ],
      },
      'fr',
    );
    expect(form.budgetCents).toBe('7 500,50');
    expect(form.actions[0]).toMatchObject({
      key: 'suggested-0',
      recommendationKey: 'rec-1',
      estimatedCostCents: '300',
      note: 'À voir avec Zoé',
    });
  });
});
