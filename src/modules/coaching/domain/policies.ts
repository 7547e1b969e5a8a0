import {
  type BusinessFile,
  isAssignedExpert as coach,
  hasRole,
  isApplicant as owner,
  type Policy,
} from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');

export const coachingPolicies = {
  /** Scheduling, changing and recording sessions: the assigned expert, or the program team on their behalf. */
  'session.manage': { allow: (a, r) => coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  'session.read': { allow: (a, r) => owner(a, r) || coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  /** Session notes are private to the staff; the retailer sees only the summaries shared with them. */
  'session.read_notes': { allow: (a, r) => coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  'plan.read': { allow: (a, r) => owner(a, r) || coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  /** The expert writes the plan with the retailer; the retailer updates the progress of actions. */
  'plan.edit': { allow: (a, r) => coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  'plan.progress': { allow: (a, r) => owner(a, r) || coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  'file.close': { allow: (a, r) => coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  /** Undoing a closure made by mistake: the program team only (the expert who closed asks them). */
  'file.reopen': { allow: team } satisfies Policy<BusinessFile>,
  'survey.answer': { allow: owner } satisfies Policy<BusinessFile>,
  /** Sending due surveys: the job queue only (the system actor). */
  'survey.send': { allow: () => false } satisfies Policy<void>,
  'survey.read': { allow: (a, r) => owner(a, r) || team(a) } satisfies Policy<BusinessFile>,
  /** Those who work with suppliers read the directory (not the ministry or researchers); the program team keeps it. */
  'supplier.read': {
    allow: hasRole('retailer', 'expert', 'partner', 'coordinator', 'admin'),
  } satisfies Policy<void>,
  'supplier.manage': { allow: team } satisfies Policy<void>,
  'supplier.rate': { allow: owner } satisfies Policy<BusinessFile>,
  'workload.read': { allow: team } satisfies Policy<void>,
  /** The sessions, plans and surveys of every business of a program at once, and their exports. */
  'coaching.oversee': { allow: team } satisfies Policy<void>,
  /** An expert's own caseload: only the businesses assigned to them. */
  'caseload.read': { allow: hasRole('expert') } satisfies Policy<void>,
};
