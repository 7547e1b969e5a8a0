import { z } from 'zod';
import { SUPPRESSION_REASONS } from '../domain/disclosure.ts';
import { CONTROLS, INDICATORS, PUBLISHED_BREAKDOWNS, UNITS } from '../domain/indicators.ts';
import type { QuarterlyReport } from '../use-cases/get-quarterly-report.ts';
import type { QuarterlyReportView } from '../use-cases/quarterly-report-view.ts';

const reason = z.enum(Object.keys(SUPPRESSION_REASONS) as [keyof typeof SUPPRESSION_REASONS]);
const cell = z.union([
  z.object({ shown: z.literal(true), value: z.number() }),
  z.object({ shown: z.literal(false), reason }),
]);
const bilingual = z.object({ fr: z.string(), en: z.string() });
const day = z.iso.date();

export const quarterlyReport = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  fiscalYear: z.string().describe('« 2026-2027 »'),
  quarter: z.number().int().min(1).max(4).describe('1 = April–June'),
  version: z.number().int().min(1),
  reason: z.string().nullable().describe('Why this version corrects the previous one'),
  producedAt: z.iso.datetime({ offset: true }),
  producedBy: z.object({ id: z.uuid(), name: z.string() }),
  checksum: z.string().describe('SHA-256, hex, of the snapshot’s canonical JSON (keys sorted, no spaces)'),
  checksumVerified: z.boolean().describe('Whether the stored snapshot still has that checksum'),
  rulesVersion: z.string().describe('The disclosure-control rules the figures passed'),
});

export const quarterlyReportList = z.object({ items: z.array(quarterlyReport) });

export const quarterlyReportDetail = quarterlyReport.extend({
  snapshot: z.object({
    program: z.object({ id: z.uuid(), name: bilingual }),
    fiscalYear: z.number().int(),
    quarter: z.number().int(),
    period: z.object({ from: day, to: day }),
    asOfDay: day,
    rulesVersion: z.string(),
    rules: z.object({ minCount: z.number().int(), dominance: z.number() }),
    indicators: z.array(
      z.object({
        id: z.enum(INDICATORS.map((i) => i.id) as [string, ...string[]]),
        unit: z.enum(UNITS).describe('cad: cents'),
        control: z.enum(CONTROLS),
        total: cell,
        breakdowns: z.array(
          z.object({
            breakdown: z.enum(PUBLISHED_BREAKDOWNS),
            groups: z.array(z.object({ key: z.string().nullable(), label: bilingual.nullable(), cell })),
          }),
        ),
      }),
    ),
    maturity: z.array(
      z.object({
        measure: z.string(),
        label: bilingual.nullable(),
        pairs: cell,
        estimate: z
          .object({ meanGain: z.number(), low: z.number(), high: z.number(), improvedPercent: z.number() })
          .nullable(),
      }),
    ),
  }),
});

export const presentQuarterlyReport = (r: QuarterlyReportView): z.input<typeof quarterlyReport> => ({
  ...r,
  producedAt: r.producedAt.toISOString(),
});

export const presentQuarterlyReportDetail = (r: QuarterlyReport): z.input<typeof quarterlyReportDetail> => ({
  ...r,
  producedAt: r.producedAt.toISOString(),
});
