import type { Ctx } from '../../../platform/context.ts';
import { exportPagedList } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listProgramSessions } from './list-program-sessions.ts';

type SessionRow = Awaited<ReturnType<typeof listProgramSessions>>['items'][number];

const sessionsTable: ExportTable<SessionRow> = {
  title: 'coaching:exports.sessions',
  columns: [
    { header: 'coaching:fields.startsAt', type: 'date', width: 18, value: (s) => s.startsAt },
    { header: 'coaching:ui.caseload.business', type: 'text', width: 32, value: (s) => s.business },
    { header: 'coaching:ui.caseload.municipality', type: 'text', width: 22, value: (s) => s.municipality },
    { header: 'coaching:exports.expert', type: 'text', width: 24, value: (s) => s.expertName },
    { header: 'coaching:fields.durationMinutes', type: 'number', width: 10, value: (s) => s.durationMinutes },
    {
      header: 'coaching:fields.mode',
      type: 'text',
      width: 16,
      value: (s, t) => t(`coaching:modes.${s.mode}`),
    },
    {
      header: 'coaching:fields.status',
      type: 'text',
      width: 12,
      value: (s, t) => t(`coaching:session_status.${s.status}`),
    },
    {
      header: 'coaching:fields.hours',
      type: 'number',
      width: 10,
      value: (s) => (s.minutesLogged === null ? null : s.minutesLogged / 60),
    },
  ],
};

/** The program's sessions as a file (program team): the sessions page's filters, every page of it. */
export async function exportProgramSessions(
  ctx: Ctx,
  format: ExportFormat,
  filters: Record<string, unknown>,
) {
  authorize(ctx.actor, 'coaching.oversee');
  return exportPagedList(ctx, format, sessionsTable, (input) => listProgramSessions(ctx, input), filters);
}
