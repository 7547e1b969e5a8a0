import { z } from 'zod';
import { LOCALES } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import { CONTENT_TYPES } from '../../../platform/exports/export.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { parseInput } from '../../../platform/validation.ts';
import { reportContent } from '../quarterly/report-content.ts';
import { renderReportPdf } from '../quarterly/report-pdf.ts';
import { renderReportXlsx } from '../quarterly/report-xlsx.ts';
import { getQuarterlyReport } from './get-quarterly-report.ts';

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportFileQuery = z.strictObject({
  lang: z.enum(LOCALES, { error: 'reporting:quarterly.errors.lang' }).optional(),
});

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: CONTENT_TYPES.xlsx,
};

/**
 * A version of a quarterly report as a PDF or an XLSX in French or English (the reader's language by
 * default), written from its frozen snapshot alone: the same file whenever it is asked for.
 */
export async function downloadQuarterlyReport(ctx: Ctx, id: string, format: ReportFormat, query: unknown) {
  const { lang } = parseInput(reportFileQuery, query, 'reporting');
  const report = await getQuarterlyReport(ctx, id);
  const locale = lang ?? ctx.locale;
  const content = reportContent(report, translatorFor(ctx.services.i18n, locale), locale);
  const body =
    format === 'pdf' ? await renderReportPdf(content, locale) : await renderReportXlsx(content, locale);
  const quarter = `${report.fiscalYear}-q${report.quarter}`;
  return {
    body,
    contentType: REPORT_MEDIA_TYPES[format],
    filename: `virage-${quarter}-v${report.version}-${locale}.${format}`,
  };
}
