import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Executor } from '../db/client.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/** A kind of background work: its queue name, retry policy and handler. */
export type JobDefinition = {
  name: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * Jobs a worker takes per poll (1 by default). A worker polls once a second, so a queue of many small
   * jobs (mail) needs more to keep up; if one of a batch fails, the batch's others are retried too.
   */
  batchSize?: number;
  /** Cron expression, Montréal time: the job also runs on this schedule (in the server only). */
  schedule?: string;
  handler: JobHandler;
  /** Lets go of what the handler keeps open between jobs (a pooled SMTP connection), once the queue stops. */
  release?: () => Promise<void>;
};

export type Jobs = {
  /** Queues a job inside the caller's transaction (never on a separate connection: see DESIGN §1). */
  enqueue(tx: Executor, name: string, data: Record<string, unknown>): Promise<void>;
  /** Queues many jobs of one kind in one statement, inside the caller's transaction. */
  enqueueMany(tx: Executor, name: string, data: Record<string, unknown>[]): Promise<void>;
  /** Starts polling workers for every registered job (the server does; the CLI does not). */
  work(): Promise<void>;
  /**
   * Runs every job waiting now (or only those of the names given), in this process, and returns how many
   * ran (tests and the CLI).
   */
  drain(names?: readonly string[]): Promise<number>;
  stop(): Promise<void>;
};

export async function startJobs(
  database: Database,
  logger: Logger,
  definitions: JobDefinition[],
  options: { maintenance: boolean },
): Promise<Jobs> {
  const boss = new PgBoss({
    ...(database.pglite
      ? { db: fromPglite(database.pglite), backend: 'pglite' as const }
      : { connectionString: database.url, max: 3 }),
    schema: 'pgboss',
    supervise: options.maintenance,
    schedule: options.maintenance,
    migrate: true,
    registerInstance: false,
  });
  boss.on('error', (error: Error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const byName = new Map(definitions.map((d) => [d.name, d]));
  for (const d of definitions) {
    await boss.createQueue(d.name, {
      retryLimit: d.retryLimit ?? 5,
      retryDelay: d.retryDelaySeconds ?? 30,
      retryBackoff: true,
    });
    if (d.schedule && options.maintenance)
      await boss.schedule(d.name, d.schedule, {}, { tz: 'America/Montreal' });
  }

  const run = async (name: string, id: string, data: Record<string, unknown>) => {
    try {
      await byName.get(name)!.handler(data);
    } catch (error) {
      logger.warn({ err: error, job: name, jobId: id }, 'job failed; it will be retried');
      throw error;
    }
  };

  return {
    enqueue: async (tx, name, data) => {
      if (!byName.has(name)) throw new Error(`Unknown job ${name}`);
      await boss.send(name, data, { db: fromDrizzle(tx as never, sql as never) });
    },
    enqueueMany: async (tx, name, data) => {
      if (!byName.has(name)) throw new Error(`Unknown job ${name}`);
      if (data.length === 0) return;
      await boss.insert(
        name,
        data.map((d) => ({ data: d })),
        { db: fromDrizzle(tx as never, sql as never) },
      );
    },
    work: async () => {
      for (const d of definitions) {
        const options = { pollingIntervalSeconds: 1, batchSize: d.batchSize ?? 1 };
        await boss.work<Record<string, unknown>>(d.name, options, async (batch) => {
          for (const job of batch) await run(d.name, job.id, job.data);
        });
      }
    },
    drain: async (names) => {
      let count = 0;
      for (const d of definitions.filter((d) => !names || names.includes(d.name))) {
        for (;;) {
          const batch = await boss.fetch<Record<string, unknown>>(d.name, { batchSize: 20 });
          if (batch.length === 0) break;
          for (const job of batch) {
            count++;
            try {
              await run(d.name, job.id, job.data);
              await boss.complete(d.name, job.id);
            } catch (error) {
              await boss.fail(d.name, job.id, { message: String(error) });
            }
          }
        }
      }
      return count;
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5000, close: true });
      for (const d of definitions) await d.release?.();
    },
  };
}
