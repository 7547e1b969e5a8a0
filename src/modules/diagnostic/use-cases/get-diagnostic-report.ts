import { type Ctx, inChosenLanguage } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { detailOf } from './get-diagnostic.ts';
import { loadDiagnostic } from './load-diagnostic.ts';

/** The PDF report of a completed diagnostic, in the language the reader chose. */
export async function getDiagnosticReport(
  requestCtx: Ctx,
  id: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const ctx = inChosenLanguage(requestCtx);
  const { diagnostic, application } = await loadDiagnostic(ctx, id, 'diagnostic.read');
  if (diagnostic.status !== 'completed')
    throw new AppError('conflict', { key: 'diagnostic:errors.not_completed' });
  const detail = await detailOf(ctx, diagnostic, application);
  // pdfkit and the fonts load with the first report, not at start-up.
  const { renderDiagnosticPdf } = await import('../report/report-pdf.ts');
  const pdf = await renderDiagnosticPdf(
    detail as Parameters<typeof renderDiagnosticPdf>[0],
    ctx.t,
    ctx.locale,
    ctx.now(),
  );
  const slug = (application.tradeName || application.legalName || 'diagnostic')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return { pdf, filename: `diagnostic-${diagnostic.phase.toLowerCase()}-${slug || 'virage'}.pdf` };
}
