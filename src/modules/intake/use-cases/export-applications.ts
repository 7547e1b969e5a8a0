import { regionName } from '../../../kernel/quebec.ts';
import type { Ctx } from '../../../platform/context.ts';
import { exportPagedList } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listApplications } from './list-applications.ts';

type QueueRow = Awaited<ReturnType<typeof listApplications>>['items'][number];

const applicationsTable: ExportTable<QueueRow> = {
  title: 'intake:exports.applications',
  columns: [
    { header: 'intake:fields.business.legalName', type: 'text', width: 36, value: (r) => r.legalName },
    { header: 'intake:fields.business.tradeName', type: 'text', width: 28, value: (r) => r.tradeName },
    { header: 'intake:fields.neq', type: 'text', width: 12, value: (r) => r.neq },
    { header: 'intake:fields.region', type: 'text', width: 28, value: (r) => regionName(r.region) },
    { header: 'intake:fields.business.municipality', type: 'text', width: 24, value: (r) => r.municipality },
    { header: 'intake:fields.naics', type: 'text', width: 10, value: (r) => r.naics },
    { header: 'intake:fields.employees', type: 'number', width: 10, value: (r) => r.employees },
    {
      header: 'intake:fields.eligible',
      type: 'text',
      width: 14,
      value: (r, t) =>
        r.eligible === null
          ? ''
          : t(r.eligible ? 'intake:ui.queue.eligible' : 'intake:ui.queue.not_eligible'),
    },
    {
      header: 'intake:fields.status',
      type: 'text',
      width: 20,
      value: (r, t) => t(`intake:ui.status.${r.status}`),
    },
    { header: 'intake:ui.queue.submitted_on', type: 'date', width: 18, value: (r) => r.submittedAt },
    { header: 'intake:fields.partner', type: 'text', width: 28, value: (r) => r.partner },
    {
      header: 'intake:exports.review_requested',
      type: 'text',
      width: 12,
      value: (r, t) => (r.reviewRequested ? t('intake:ui.yes') : ''),
    },
  ],
};

/**
 * The review queue as a file (program team): the same filters and order as `listApplications`, every
 * page of it rather than one.
 */
export async function exportApplications(ctx: Ctx, format: ExportFormat, input: Record<string, unknown>) {
  authorize(ctx.actor, 'application.review');
  return exportPagedList(ctx, format, applicationsTable, (query) => listApplications(ctx, query), input);
}
