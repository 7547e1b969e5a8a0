import { z } from 'zod';
import { FILE_PARTS } from '../../../platform/audit/file-reads-table.ts';
import { RETENTION_RUN_STATUSES } from '../db/retention-tables.ts';
import {
  RECORD_KINDS,
  RETENTION_ACTIONS,
  RETENTION_ENFORCERS,
  RETENTION_TRIGGERS,
  type RecordKind,
  type RetentionRule,
} from '../domain/retention-schedule.ts';

const instant = z.iso.datetime({ offset: true });
const kind = z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]);

export const retentionRule = z.object({
  kind,
  action: z.enum(RETENTION_ACTIONS),
  trigger: z.enum(RETENTION_TRIGGERS).describe('The event the period counts from'),
  periodMonths: z.number().int().nullable().describe('null: kept, never stored, or removed on request'),
  minimumMonths: z.number().int().describe('The shortest period the officer may set'),
  enforcedBy: z.enum(RETENTION_ENFORCERS),
  changed: z.boolean().describe('Whether the officer changed the default period'),
});
export const retentionSchedule = z.object({ items: z.array(retentionRule) });

export const presentRule = (r: { kind: RecordKind; rule: RetentionRule; changed: boolean }) => ({
  kind: r.kind,
  ...r.rule,
  changed: r.changed,
});

export const retentionRun = z.object({
  id: z.uuid(),
  dryRun: z.boolean(),
  status: z.enum(RETENTION_RUN_STATUSES),
  startedVia: z.string().describe('session, token, or the job or command that started it'),
  queuedAt: instant,
  finishedAt: instant.nullable(),
  counts: z
    .record(z.string(), z.number().int())
    .describe('Records anonymised or destroyed (or due, dry run) per kind'),
});
export const retentionRunList = z.object({ items: z.array(retentionRun) });

export const presentRun = (r: {
  id: string;
  dryRun: boolean;
  status: (typeof RETENTION_RUN_STATUSES)[number];
  startedVia: string;
  queuedAt: Date;
  finishedAt: Date | null;
  counts: Record<string, number>;
}) => ({
  id: r.id,
  dryRun: r.dryRun,
  status: r.status,
  startedVia: r.startedVia,
  queuedAt: r.queuedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  counts: r.counts,
});

export const legalHold = z.object({
  applicationId: z.uuid(),
  reason: z.string(),
  placedAt: instant,
});
export const legalHoldList = z.object({ items: z.array(legalHold) });
export const presentHold = (h: { applicationId: string; reason: string; placedAt: Date }) => ({
  applicationId: h.applicationId,
  reason: h.reason,
  placedAt: h.placedAt.toISOString(),
});

export const fileRead = z.object({
  readAt: instant,
  reader: z.object({ id: z.uuid(), name: z.string(), role: z.string() }),
  applicationId: z.uuid(),
  part: z.enum(FILE_PARTS),
  entityId: z.uuid(),
});
export const fileReadList = z.object({ items: z.array(fileRead) });
export const presentRead = (r: {
  readAt: Date;
  readerId: string;
  readerName: string;
  readerRole: string;
  applicationId: string;
  part: (typeof FILE_PARTS)[number];
  entityId: string;
}) => ({
  readAt: r.readAt.toISOString(),
  reader: { id: r.readerId, name: r.readerName, role: r.readerRole },
  applicationId: r.applicationId,
  part: r.part,
  entityId: r.entityId,
});

export const accountDeletion = z.object({
  userId: z.uuid(),
  erasedAt: instant,
  applicationsAnonymised: z.number().int(),
  applicationsHeld: z.number().int().describe('Finished files kept as they are under a legal hold'),
  requestId: z.uuid().nullable().describe('The deletion request this deletion answered'),
});
export const presentDeletion = (d: {
  userId: string;
  erasedAt: Date;
  applicationsAnonymised: number;
  applicationsHeld: number;
  requestId: string | null;
}) => ({ ...d, erasedAt: d.erasedAt.toISOString() });
