import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { parseCsvRecords } from '../../../kernel/csv.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { applyChanges, recordEvent } from '../db/application-writes.ts';
import { currentCriteria, neqAlreadyInProgram } from '../db/queries.ts';
import { applications } from '../db/tables.ts';
import { missingForSubmission } from '../domain/application-draft.ts';
import { businessDraftSchema } from '../domain/business-fields.ts';
import { evaluate } from '../domain/eligibility.ts';
import { factsFrom } from '../domain/facts.ts';
import { CONSENT_COLUMNS, IMPORT_COLUMNS, REQUIRED_COLUMNS } from '../domain/import-columns.ts';

export const importApplicationsInput = z.strictObject({
  programId: z.uuid(),
  csv: z.string().min(1).max(5_000_000),
});

const MAX_ROWS = 5000;

const importedRow = z.object({ business: businessDraftSchema });

const yes = (value: string | undefined) => /^(oui|yes|o|y|1|true|vrai|x)$/i.test(value?.trim() ?? '');

export type ImportReport = {
  created: { row: number; id: string; neq: string }[];
  skipped: { row: number; neq: string; reason: 'already_in_program' | 'repeated_in_file' }[];
  errors: { row: number; path: string; message: string }[];
};

/**
 * Imports paper applications from a CSV file (program team). Idempotent by NEQ: a business already in
 * the program is skipped, so the same file can be imported twice. Each row stands alone: the report
 * lists, per row, what was created, skipped, or what is wrong with which column.
 */
export async function importApplications(ctx: Ctx, input: unknown): Promise<ImportReport> {
  authorize(ctx.actor, 'application.import');
  const { programId, csv } = parseInput(importApplicationsInput, input, 'intake');
  const program = await getProgram(ctx, programId);
  const criteria = await currentCriteria(ctx.db, program.id);
  if (!criteria) throw new AppError('conflict', { key: 'intake:errors.no_criteria' });
  const { header, records } = parseCsvRecords(csv);
  const missingColumns = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missingColumns.length > 0) {
    throw new AppError('invalid_input', {
      fields: [
        {
          path: 'csv',
          key: 'intake:validation.import_columns',
          params: { columns: missingColumns.join(', ') },
        },
      ],
    });
  }
  if (records.length > MAX_ROWS) {
    throw new AppError('invalid_input', {
      fields: [{ path: 'csv', key: 'intake:validation.import_too_many', params: { max: MAX_ROWS } }],
    });
  }

  const report: ImportReport = { created: [], skipped: [], errors: [] };
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    const row = index + 2; // the header is line 1
    const columnOf = (path: string) => {
      const field = path.replace(/^business\./, '');
      return Object.entries(IMPORT_COLUMNS).find(([, f]) => f === field)?.[0] ?? field;
    };
    try {
      const draft = Object.fromEntries(
        Object.entries(IMPORT_COLUMNS)
          .filter(([column]) => record[column])
          .map(([column, field]) => [
            field,
            field === 'employees' || field === 'foundedYear' ? toNumber(record[column]!) : record[column],
          ]),
      );
      // Under `business`, as the application form has them: messages then name the field by its label.
      const { business } = parseInput(importedRow, { business: draft }, 'intake');
      const neq = business.neq!;
      if (seen.has(neq)) {
        report.skipped.push({ row, neq, reason: 'repeated_in_file' });
        continue;
      }
      seen.add(neq);
      const existing = await ctx.db
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.programId, program.id),
            eq(applications.neq, neq),
            inArray(applications.status, [
              'submitted',
              'info_requested',
              'accepted',
              'waitlisted',
              'refused',
            ]),
          ),
        )
        .limit(1);
      if (existing.length > 0) {
        report.skipped.push({ row, neq, reason: 'already_in_program' });
        continue;
      }
      const id = await transaction(ctx, async (tx) => {
        const [draftRow] = await tx
          .insert(applications)
          .values({ id: newId(), programId: program.id, createdAt: ctx.now(), updatedAt: ctx.now() })
          .returning();
        const saved = await applyChanges(tx, ctx, draftRow!, {
          business,
          attestation: true, // signed on paper
          consents: {
            participation: true,
            ...Object.fromEntries(
              Object.entries(CONSENT_COLUMNS).map(([column, purpose]) => [purpose, yes(record[column])]),
            ),
          },
        });
        const missing = missingForSubmission(saved, { participation: true }, true);
        if (missing.length > 0) throw new AppError('invalid_input', { fields: missing });
        const already = await neqAlreadyInProgram(tx, program.id, neq, saved.id);
        const evaluation = evaluate(criteria.criteria, factsFrom(saved, ctx.now(), already));
        await tx
          .update(applications)
          .set({
            status: 'submitted',
            submittedAt: ctx.now(),
            importedAt: ctx.now(),
            criteriaVersionId: criteria.id,
            eligibility: evaluation.criteria,
            eligible: evaluation.eligible,
          })
          .where(eq(applications.id, saved.id));
        await recordEvent(tx, ctx, saved.id, {
          kind: 'imported',
          toStatus: 'submitted',
          message: `CSV, line ${row}`,
        });
        await appendAudit(tx, ctx, {
          action: 'application.imported',
          entityType: 'application',
          entityId: saved.id,
          changes: { neq, row },
        });
        await ctx.services.reactions.applicationChanged(tx, ctx, saved.id);
        return saved.id;
      });
      report.created.push({ row, id, neq });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'invalid_input') throw error;
      const localised = localiseError(error, ctx.services.i18n, ctx.locale);
      for (const e of localised.errors)
        report.errors.push({ row, path: columnOf(e.path), message: e.message });
    }
  }
  return report;
}

/** A whole number from a spreadsheet cell ("12", "12,0", "1 200"); anything else is kept as text to be refused. */
function toNumber(value: string): number | string {
  const cleaned = value.replace(/[\s\u00a0]/g, '').replace(/,0+$/, '');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : value;
}
