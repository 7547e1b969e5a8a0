import { z } from 'zod';
import type { Locale } from '../../../kernel/locale.ts';
import { instant } from '../../../platform/http/present.ts';
import { ACTION_STATUSES, SESSION_MODES } from '../../coaching/index.ts';
import { localisedQuestionnaire } from '../../diagnostic/index.ts';
import type { Outcome } from '../domain/outcomes.ts';
import type { VisitPacks } from '../use-cases/get-visit-packs.ts';
import type { syncCommands } from '../use-cases/sync-commands.ts';

const version = z.string().describe('The record’s version: send it back as a change’s `baseVersion`');
const answer = z.union([z.string(), z.array(z.string())]);

export const visitPacks = z.object({
  syncedAt: z.iso.datetime(),
  packs: z.array(
    z.object({
      applicationId: z.uuid(),
      business: z.object({
        name: z.string().nullable(),
        legalName: z.string().nullable(),
        naics: z.string().nullable(),
        employees: z.number().int().nullable(),
        region: z.string().nullable(),
        municipality: z.string().nullable(),
        street: z.string().nullable(),
        postalCode: z.string().nullable(),
        goals: z.string().nullable(),
      }),
      diagnostic: z
        .object({
          id: z.uuid(),
          phase: z.enum(['T0', 'T1']),
          status: z.enum(['in_progress', 'completed']),
          version,
          questionnaire: localisedQuestionnaire,
          answers: z.record(z.string(), answer),
        })
        .nullable(),
      plan: z
        .object({
          status: z.enum(['draft', 'approved']),
          currentState: z.string(),
          goals: z.string(),
          timeline: z.string(),
          actions: z.array(
            z.object({
              id: z.uuid(),
              version,
              objective: z.string(),
              steps: z.string(),
              owner: z.string(),
              dueDate: z.string().nullable(),
              status: z.enum(ACTION_STATUSES),
              note: z.string(),
              supplierId: z.uuid().nullable(),
            }),
          ),
        })
        .nullable()
        .describe('The saved plan, without its budget or costs (no financial data leaves for the field)'),
      sessions: z.array(
        z.object({
          id: z.uuid(),
          version,
          startsAt: z.string().describe('ISO 8601 with Montréal’s offset'),
          durationMinutes: z.number().int(),
          mode: z.enum(SESSION_MODES),
          location: z.string().nullable(),
          status: z.enum(['scheduled', 'held', 'cancelled']),
          hours: z.number().nullable(),
          notes: z.string().nullable(),
          summary: z.string().nullable(),
        }),
      ),
      suppliers: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          categories: z.array(z.string()),
          website: z.string().nullable(),
          description: z.string(),
        }),
      ),
    }),
  ),
  wipe: z
    .array(z.uuid())
    .describe('Files asked for that are not (or no longer) the expert’s: wipe their packs'),
});

export const presentVisitPacks = (packs: VisitPacks): z.input<typeof visitPacks> => ({
  ...packs,
  syncedAt: instant(packs.syncedAt),
});

const outcome = z.discriminatedUnion('status', [
  z.object({ commandId: z.uuid(), status: z.literal('applied'), version: z.string().nullable() }),
  z.object({
    commandId: z.uuid(),
    status: z.literal('conflict'),
    version: z.string().describe('The server’s version: the base of a change that keeps the expert’s value'),
    server: z.unknown(),
    mine: z.unknown(),
  }),
  z.object({
    commandId: z.uuid(),
    status: z.literal('refused'),
    reason: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    wipe: z.boolean(),
  }),
]);

export const syncResult = z.object({
  results: z.array(outcome),
  wipe: z.array(z.uuid()).describe('Files no longer the expert’s (reassigned, closed): wipe their packs'),
  syncedAt: z.iso.datetime(),
});

const presentOutcome = (o: { commandId: string } & Outcome, locale: Locale): z.input<typeof outcome> =>
  o.status === 'refused'
    ? {
        commandId: o.commandId,
        status: o.status,
        reason: o.reason[locale],
        errors: o.errors[locale],
        wipe: o.wipe,
      }
    : o;

export const presentSyncResult = (
  result: Awaited<ReturnType<typeof syncCommands>>,
  locale: Locale,
): z.input<typeof syncResult> => ({
  results: result.results.map((o) => presentOutcome(o, locale)),
  wipe: result.wipe,
  syncedAt: instant(result.syncedAt),
});
