import type { Ctx } from '../../../platform/context.ts';
import { exportPagedList } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listProgramPlans } from './list-program-plans.ts';

type PlanRow = Awaited<ReturnType<typeof listProgramPlans>>['items'][number];

const plansTable: ExportTable<PlanRow> = {
  title: 'coaching:exports.plans',
  columns: [
    { header: 'coaching:ui.caseload.business', type: 'text', width: 32, value: (p) => p.business },
    { header: 'coaching:ui.caseload.municipality', type: 'text', width: 22, value: (p) => p.municipality },
    { header: 'coaching:exports.expert', type: 'text', width: 24, value: (p) => p.expertName },
    {
      header: 'coaching:fields.status',
      type: 'text',
      width: 12,
      value: (p, t) => t(`coaching:ui.plan_status.${p.status}`),
    },
    { header: 'coaching:exports.approved_on', type: 'day', width: 12, value: (p) => p.approvedAt },
    { header: 'coaching:exports.actions', type: 'number', width: 10, value: (p) => p.actions },
    { header: 'coaching:exports.actions_done', type: 'number', width: 10, value: (p) => p.done },
    { header: 'coaching:exports.actions_overdue', type: 'number', width: 10, value: (p) => p.overdue },
    { header: 'coaching:exports.next_due', type: 'day', width: 12, value: (p) => p.nextDue },
    { header: 'coaching:fields.budgetCents', type: 'money', width: 14, value: (p) => p.budgetCents },
    { header: 'coaching:ui.caseload.closed_on', type: 'day', width: 12, value: (p) => p.closedAt },
  ],
};

/** The program's action plans as a file (program team): the plans page's filters, every page of it. */
export async function exportProgramPlans(ctx: Ctx, format: ExportFormat, filters: Record<string, unknown>) {
  authorize(ctx.actor, 'coaching.oversee');
  return exportPagedList(ctx, format, plansTable, (input) => listProgramPlans(ctx, input), filters);
}
