import { type Policy, signedIn } from '../../../kernel/policy.ts';

/** How long a finished export's file is kept for its owner before the daily clean-up deletes it. */
export const EXPORT_RETENTION_DAYS = 7;

export function exportExpiry(finishedAt: Date): Date {
  return new Date(finishedAt.getTime() + EXPORT_RETENTION_DAYS * 24 * 3_600_000);
}

/** An export job as far as authorization is concerned: who asked for it. */
export type ExportJobResource = { requestedBy: string };

export const exportJobPolicies = {
  /** Anyone signed in may ask; the list's own export use case then decides whether they may export it. */
  'export.start': { allow: signedIn } satisfies Policy<void>,
  /** A job, its progress and its file are the asker's alone: the file holds what their rights showed. */
  'export.read': { allow: (actor, job) => actor.id === job.requestedBy } satisfies Policy<ExportJobResource>,
  /** Running jobs and deleting expired files: the job worker only. */
  'export.run': { allow: () => false } satisfies Policy<void>,
};
