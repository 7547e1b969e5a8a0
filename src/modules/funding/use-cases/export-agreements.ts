import type { Ctx } from '../../../platform/context.ts';
import { exportFile } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listAgreements } from './list-agreements.ts';

type AgreementRow = Awaited<ReturnType<typeof listAgreements>>[number];

const agreementsTable: ExportTable<AgreementRow> = {
  title: 'funding:agreements.pages.list.title',
  columns: [
    {
      header: 'funding:agreements.pages.list.business',
      type: 'text',
      width: 32,
      value: (a) => a.businessName,
    },
    {
      header: 'funding:agreements.pages.list.status',
      type: 'text',
      width: 20,
      value: (a, t) => t(`funding:agreementStatuses.${a.status}`),
    },
    { header: 'funding:fields.fiscalYear', type: 'text', width: 12, value: (a) => a.fiscalYear },
    { header: 'funding:agreements.pages.grant', type: 'money', width: 14, value: (a) => a.grantCents },
    { header: 'funding:fields.acceptBy', type: 'day', width: 12, value: (a) => a.acceptBy },
  ],
};

/** A program's agreements as a file (the team and finance): the list page's filters, in its order. */
export async function exportAgreements(ctx: Ctx, format: ExportFormat, filters: Record<string, unknown>) {
  authorize(ctx.actor, 'funding.export');
  return exportFile(ctx, format, agreementsTable, await listAgreements(ctx, filters));
}
