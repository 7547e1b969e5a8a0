import type { Ctx } from '../../../platform/context.ts';
import { listApplicationDiagnostics } from '../../diagnostic/index.ts';
import { REVENUE_CHANGES, TOOLS } from '../domain/outcomes.ts';
import { loadSurvey } from './load-survey.ts';

/** An outcome survey with its choices, and whether the closing diagnostic (T1) is still to take. */
export async function getSurvey(ctx: Ctx, id: string) {
  const { survey, file } = await loadSurvey(ctx, id, 'survey.read');
  const diagnostics = await listApplicationDiagnostics(ctx, file.id);
  return {
    id: survey.id,
    applicationId: survey.applicationId,
    business: file.tradeName || file.legalName,
    wave: survey.wave,
    dueAt: survey.dueAt,
    open: survey.sentAt !== null && survey.answeredAt === null,
    answeredAt: survey.answeredAt,
    answers: survey.answers,
    choices: { revenueChange: REVENUE_CHANGES, toolsAdopted: TOOLS },
    closingDiagnostic: diagnostics.find((d) => d.phase === 'T1') ?? null,
  };
}
