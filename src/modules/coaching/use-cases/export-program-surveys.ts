import type { Ctx } from '../../../platform/context.ts';
import { exportPagedList } from '../../../platform/exports/export.ts';
import type { ExportFormat, ExportTable } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listProgramSurveys } from './list-program-surveys.ts';

type SurveyRow = Awaited<ReturnType<typeof listProgramSurveys>>['items'][number];

const surveysTable: ExportTable<SurveyRow> = {
  title: 'coaching:exports.surveys',
  columns: [
    { header: 'coaching:ui.caseload.business', type: 'text', width: 32, value: (s) => s.business },
    { header: 'coaching:exports.expert', type: 'text', width: 24, value: (s) => s.expertName },
    {
      header: 'coaching:exports.wave',
      type: 'text',
      width: 24,
      value: (s, t) => t(`coaching:ui.survey.wave_${s.wave}`),
    },
    { header: 'coaching:exports.due_on', type: 'day', width: 12, value: (s) => s.dueAt },
    { header: 'coaching:exports.sent_at', type: 'date', width: 18, value: (s) => s.sentAt },
    { header: 'coaching:exports.answered_at', type: 'date', width: 18, value: (s) => s.answeredAt },
    {
      header: 'coaching:fields.onlineSalesShare',
      type: 'number',
      width: 12,
      value: (s) => s.answers?.onlineSalesShare,
    },
    {
      header: 'coaching:fields.revenueChange',
      type: 'text',
      width: 24,
      value: (s, t) => (s.answers ? t(`coaching:revenue_change.${s.answers.revenueChange}`) : ''),
    },
    {
      header: 'coaching:fields.jobsCreated',
      type: 'number',
      width: 10,
      value: (s) => s.answers?.jobsCreated,
    },
    { header: 'coaching:fields.jobsKept', type: 'number', width: 10, value: (s) => s.answers?.jobsKept },
    {
      header: 'coaching:fields.toolsAdopted',
      type: 'text',
      width: 36,
      value: (s, t) => s.answers?.toolsAdopted.map((tool) => t(`coaching:ui.tools.${tool}`)).join(', '),
    },
    {
      header: 'coaching:fields.satisfactionExpert',
      type: 'number',
      width: 10,
      value: (s) => s.answers?.satisfactionExpert,
    },
    {
      header: 'coaching:fields.satisfactionProgram',
      type: 'number',
      width: 10,
      value: (s) => s.answers?.satisfactionProgram,
    },
    { header: 'coaching:fields.comments', type: 'text', width: 50, value: (s) => s.answers?.comments },
  ],
};

/** The program's outcome surveys with their answers as a file (program team): the surveys page's filters. */
export async function exportProgramSurveys(ctx: Ctx, format: ExportFormat, filters: Record<string, unknown>) {
  authorize(ctx.actor, 'coaching.oversee');
  return exportPagedList(ctx, format, surveysTable, (input) => listProgramSurveys(ctx, input), filters);
}
