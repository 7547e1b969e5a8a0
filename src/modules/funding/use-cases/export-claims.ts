import type { Ctx } from '../../../platform/context.ts';
import { exportPagedList } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listClaims } from './list-claims.ts';

type ClaimRow = Awaited<ReturnType<typeof listClaims>>['items'][number];

const claimsTable: ExportTable<ClaimRow> = {
  title: 'funding:claims.queue_title',
  columns: [
    { header: 'funding:claims.business', type: 'text', width: 32, value: (c) => c.businessName },
    { header: 'funding:claims.number', type: 'number', width: 6, value: (c) => c.number },
    {
      header: 'funding:claims.status',
      type: 'text',
      width: 20,
      value: (c, t) => t(`funding:claimStatuses.${c.status}`),
    },
    {
      header: 'funding:claims.step_due',
      type: 'text',
      width: 22,
      value: (c, t) => (c.reviewStep ? t(`funding:reviewSteps.${c.reviewStep}`) : null),
    },
    { header: 'funding:claims.eligible', type: 'money', width: 14, value: (c) => c.eligibleCents },
    { header: 'funding:claims.claimable', type: 'money', width: 14, value: (c) => c.claimableCents },
    { header: 'funding:claims.submitted_on', type: 'date', width: 18, value: (c) => c.submittedAt },
  ],
};

/** The claims queue as a file (the team and finance): the queue's filters, every page of it, in its order. */
export async function exportClaims(ctx: Ctx, format: ExportFormat, filters: Record<string, unknown>) {
  authorize(ctx.actor, 'funding.export');
  return exportPagedList(ctx, format, claimsTable, (input) => listClaims(ctx, input), filters);
}
