import { REGION_CODES, regionName } from '../../../kernel/quebec.ts';
import type { Ctx } from '../../../platform/context.ts';
import { exportFile } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listSuppliers } from './list-suppliers.ts';

type Supplier = Awaited<ReturnType<typeof listSuppliers>>['items'][number];

const suppliersTable: ExportTable<Supplier> = {
  title: 'coaching:exports.suppliers',
  columns: [
    { header: 'coaching:fields.name', type: 'text', width: 30, value: (s) => s.name },
    {
      header: 'coaching:fields.categories',
      type: 'text',
      width: 36,
      value: (s, t) => s.categories.map((c) => t(`coaching:categories.${c}`)).join(', '),
    },
    {
      header: 'coaching:fields.regions',
      type: 'text',
      width: 36,
      value: (s, t) =>
        s.regions.length >= REGION_CODES.length
          ? t('coaching:ui.suppliers.all_regions')
          : s.regions.map((r) => regionName(r)).join(', '),
    },
    {
      header: 'coaching:fields.languages',
      type: 'text',
      width: 16,
      value: (s, t) => s.languages.map((l) => t(`coaching:ui.languages.${l}`)).join(', '),
    },
    { header: 'coaching:fields.website', type: 'text', width: 30, value: (s) => s.website },
    { header: 'coaching:fields.descriptionFr', type: 'text', width: 50, value: (s) => s.descriptionFr },
    { header: 'coaching:fields.descriptionEn', type: 'text', width: 50, value: (s) => s.descriptionEn },
    {
      header: 'coaching:exports.in_directory',
      type: 'text',
      width: 12,
      value: (s, t) => t(s.active ? 'coaching:exports.yes' : 'coaching:exports.no'),
    },
    { header: 'coaching:exports.rating_average', type: 'number', width: 12, value: (s) => s.rating?.average },
    {
      header: 'coaching:exports.rating_count',
      type: 'number',
      width: 12,
      value: (s) => s.rating?.count ?? 0,
    },
  ],
};

/** The supplier directory as a file (program team, who keep it): the page's filters, withdrawn entries too. */
export async function exportSuppliers(ctx: Ctx, format: ExportFormat, filters: Record<string, unknown>) {
  authorize(ctx.actor, 'supplier.manage');
  const { items } = await listSuppliers(ctx, { ...filters, all: 'true' });
  return exportFile(ctx, format, suppliersTable, items);
}
