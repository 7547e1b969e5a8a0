import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, inChosenLanguage } from '../../../platform/context.ts';
import { exportFile } from '../../../platform/exports/export.ts';
import { type ExportFile, exportFilename } from '../../../platform/exports/table.ts';
import { incidentRegisterTable } from '../register/incident-register.ts';
import { listPrivacyIncidents } from './list-privacy-incidents.ts';

export const REGISTER_FORMATS = ['csv', 'pdf'] as const;
export const registerFormat = z.enum(REGISTER_FORMATS);

/**
 * The whole register for the Commission, as CSV (one row per incident) or as a tagged PDF, in the
 * officer's language. Handing a copy over is itself recorded in the audit log.
 */
export async function exportIncidentRegister(
  requestCtx: Ctx,
  format: z.infer<typeof registerFormat>,
): Promise<ExportFile> {
  const ctx = inChosenLanguage(requestCtx);
  const incidents = await listPrivacyIncidents(ctx);
  await appendAudit(ctx.db, ctx, {
    action: 'privacy_incident.register_exported',
    entityType: 'privacy_incident',
    changes: { format, count: incidents.length },
  });
  if (format === 'csv') return exportFile(ctx, 'csv', incidentRegisterTable, incidents);
  // pdfkit and the fonts load with the first PDF, not at start-up.
  const { renderRegisterPdf } = await import('../register/register-pdf.ts');
  return {
    body: new Uint8Array(await renderRegisterPdf(incidents, ctx.t, ctx.locale, ctx.now())),
    contentType: 'application/pdf',
    filename: exportFilename(ctx.t(incidentRegisterTable.title), ctx.now(), 'pdf'),
  };
}
