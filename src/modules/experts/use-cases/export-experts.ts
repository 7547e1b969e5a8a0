import type { Ctx } from '../../../platform/context.ts';
import { exportFile } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getWorkload } from '../../coaching/index.ts';
import { listExperts } from './list-experts.ts';

type Expert = Awaited<ReturnType<typeof listExperts>>['items'][number];
type Workload = Awaited<ReturnType<typeof getWorkload>>['items'][number];
type ExpertRow = Expert & { work: Workload | undefined };

const hours = (value: number | undefined) => Math.round((value ?? 0) * 10) / 10;

const expertsTable: ExportTable<ExpertRow> = {
  title: 'experts:exports.experts',
  columns: [
    { header: 'experts:fields.name', type: 'text', width: 28, value: (e) => e.name },
    { header: 'experts:fields.email', type: 'text', width: 32, value: (e) => e.email },
    {
      header: 'experts:fields.status',
      type: 'text',
      width: 14,
      value: (e, t) => t(`experts:status.${e.status}`),
    },
    { header: 'experts:fields.regions', type: 'text', width: 16, value: (e) => e.regions.join(', ') },
    {
      header: 'experts:fields.languages',
      type: 'text',
      width: 16,
      value: (e, t) => e.languages.map((l) => t(`experts:ui.languages.${l}`)).join(', '),
    },
    {
      header: 'experts:fields.specialties',
      type: 'text',
      width: 40,
      value: (e, t) => e.specialties.map((s) => t(`experts:specialties.${s}`)).join(', '),
    },
    { header: 'experts:exports.active_files', type: 'number', width: 12, value: (e) => e.activeFiles },
    { header: 'experts:fields.capacity', type: 'number', width: 12, value: (e) => e.capacity },
    {
      header: 'experts:ui.list.hours_logged',
      type: 'number',
      width: 14,
      value: (e) => hours(e.work?.hoursLogged),
    },
    {
      header: 'experts:ui.list.hours_month',
      type: 'number',
      width: 14,
      value: (e) => hours(e.work?.hoursLoggedThisMonth),
    },
    {
      header: 'experts:ui.list.sessions_month',
      type: 'number',
      width: 14,
      value: (e) => e.work?.sessionsThisMonth ?? 0,
    },
  ],
};

/** The experts with their workload as a file (program team): the experts page's table, every profile. */
export async function exportExperts(ctx: Ctx, format: ExportFormat, input: Record<string, unknown> = {}) {
  authorize(ctx.actor, 'expert.manage');
  const [{ items }, workload] = await Promise.all([listExperts(ctx, input), getWorkload(ctx, input)]);
  const work = new Map(workload.items.map((w) => [w.expertId, w]));
  return exportFile(
    ctx,
    format,
    expertsTable,
    items.map((e) => ({ ...e, work: work.get(e.id) })),
  );
}
