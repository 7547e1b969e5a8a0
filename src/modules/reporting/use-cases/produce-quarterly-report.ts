import { createHash } from 'node:crypto';
import { z } from 'zod';
import { formatDate } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { newId, UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { parseFiscalYear } from '../../funding/index.ts';
import { getProgram, lockProgram } from '../../programs/index.ts';
import { findReport, latestVersion } from '../db/quarterly-reports.ts';
import { quarterlyReports } from '../db/tables.ts';
import { canonicalJson, type QuarterlySnapshot } from '../domain/quarterly-report.ts';
import { quarterBounds } from '../domain/quarters.ts';
import { dimensionLabels, measureLabel } from './dimension-labels.ts';
import { groupLabel } from './get-program-dashboard.ts';
import { getProgramIndicators } from './get-program-indicators.ts';
import { reportView } from './quarterly-report-view.ts';

export const produceReportInput = z.strictObject({
  fiscalYear: z
    .string({ error: 'reporting:quarterly.errors.fiscal_year' })
    .refine((label) => parseFiscalYear(label) !== null, { error: 'reporting:quarterly.errors.fiscal_year' })
    .transform((label) => parseFiscalYear(label)!)
    .describe('« 2026-2027 »: Québec’s fiscal year, 1 April – 31 March'),
  quarter: z
    .number({ error: 'reporting:quarterly.errors.quarter' })
    .int({ error: 'reporting:quarterly.errors.quarter' })
    .min(1, { error: 'reporting:quarterly.errors.quarter' })
    .max(4, { error: 'reporting:quarterly.errors.quarter' })
    .describe('1 = April–June … 4 = January–March'),
  reason: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((reason) => reason || undefined)
    .describe('Required for a second or later version of the same quarter: why it corrects the last'),
});

/**
 * Produces the quarterly report of a program's fiscal quarter: the ministry's indicators for the
 * applications submitted in the quarter, after disclosure control, frozen with both languages' labels
 * as canonical JSON and its SHA-256. A quarter already reported gets a new version, which must say why
 * (a correction); earlier versions stay as they were (the table refuses any change).
 */
export async function produceQuarterlyReport(ctx: Ctx, programId: string, input: unknown) {
  authorize(ctx.actor, 'quarterly_report.produce');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden');
  const producer = ctx.actor;
  const data = parseInput(produceReportInput, input, 'reporting');
  const bounds = quarterBounds({ kind: 'fiscal', year: data.fiscalYear, quarter: data.quarter as 1 });
  const today = formatDate(ctx.now());
  if (bounds.firstDay > today)
    throw new AppError('invalid_input', {
      fields: [{ path: 'quarter', key: 'reporting:quarterly.errors.not_begun' }],
    });
  const program = await getProgram(ctx, programId);
  // Read before the transaction: the figures take a while, and a transaction open that long stalls PGlite.
  const snapshot = await freeze(ctx, program, data.fiscalYear, data.quarter, bounds, today);
  const text = canonicalJson(snapshot);
  const id = newId();
  await transaction(ctx, async (tx) => {
    // One producer at a time per program, so two versions never get the same number.
    await lockProgram(tx, program.id);
    const version = (await latestVersion(tx, program.id, data.fiscalYear, data.quarter)) + 1;
    if (version > 1 && !data.reason)
      throw new AppError('invalid_input', {
        fields: [{ path: 'reason', key: 'reporting:quarterly.errors.reason_required', params: { version } }],
      });
    const checksum = createHash('sha256').update(text, 'utf8').digest('hex');
    await tx.insert(quarterlyReports).values({
      id,
      programId: program.id,
      fiscalYear: data.fiscalYear,
      quarter: data.quarter,
      version,
      reason: version > 1 ? data.reason! : (data.reason ?? null),
      snapshot: text,
      checksum,
      rulesVersion: snapshot.rulesVersion,
      producedBy: producer.id,
      producedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'quarterly_report.produced',
      entityType: 'quarterly_report',
      entityId: id,
      changes: {
        programId: program.id,
        fiscalYear: data.fiscalYear,
        quarter: data.quarter,
        version,
        checksum,
        ...(data.reason ? { reason: data.reason } : {}),
      },
    });
  });
  return reportView((await findReport(ctx.db, id))!);
}

async function freeze(
  ctx: Ctx,
  program: { id: string; nameFr: string; nameEn: string },
  fiscalYear: number,
  quarter: number,
  bounds: { firstDay: string; lastDay: string },
  today: string,
): Promise<QuarterlySnapshot> {
  const inLocale = (locale: 'fr' | 'en') =>
    dimensionLabels({ ...ctx, locale, t: translatorFor(ctx.services.i18n, locale) }, program.id);
  const [figures, frLabel, enLabel] = await Promise.all([
    getProgramIndicators(ctx, program.id, { from: bounds.firstDay, to: bounds.lastDay }),
    inLocale('fr'),
    inLocale('en'),
  ]);
  const bilingual = (fr: string | null, en: string | null) =>
    fr === null || en === null ? null : { fr, en };
  return {
    program: { id: program.id, name: { fr: program.nameFr, en: program.nameEn } },
    fiscalYear,
    quarter: quarter as QuarterlySnapshot['quarter'],
    period: { from: bounds.firstDay, to: bounds.lastDay },
    asOfDay: today,
    rulesVersion: figures.rulesVersion,
    rules: figures.rules,
    indicators: figures.indicators.map((i) => ({
      id: i.id,
      unit: i.unit,
      control: i.control,
      total: i.total,
      breakdowns: i.breakdowns.map((b) => ({
        breakdown: b.breakdown,
        groups: b.groups.map((g) => ({
          key: g.key,
          label: bilingual(groupLabel(b.breakdown, g.key, 'fr'), groupLabel(b.breakdown, g.key, 'en')),
          cell: g.cell,
        })),
      })),
    })),
    maturity: figures.maturity.map((m) => ({
      measure: m.measure,
      label: bilingual(measureLabel(frLabel, m.measure), measureLabel(enLabel, m.measure)),
      pairs: m.pairs,
      estimate: m.estimate,
    })),
  };
}
