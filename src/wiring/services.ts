import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import type { Ctx, Services } from '../platform/context.ts';
import { type Database, openDatabase } from '../platform/db/client.ts';
import { createI18n, translatorFor } from '../platform/i18n/i18n.ts';
import { startJobs } from '../platform/jobs/jobs.ts';
import { createLogger } from '../platform/logging.ts';
import { listExports } from './export-lists.ts';
import { resources } from './i18n-resources.ts';
import { jobDefinitions } from './jobs.ts';
import { reactions } from './reactions.ts';

export type RunningServices = Services & { close(): Promise<void> };

export type StartOptions = {
  /** An already open database (tests); otherwise DATABASE_URL or the embedded engine in DATA_DIR. */
  database?: Database;
  /** Run background workers in this process (the server does; the CLI and tests drain jobs themselves). */
  worker?: boolean;
  logger?: Logger;
  now?: () => Date;
};

/** Opens the database, applies migrations and starts the job queue: what every process needs once. */
export async function startServices(config: Config, options: StartOptions = {}): Promise<RunningServices> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database =
    options.database ??
    (await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.dbPoolSize }
        : { kind: 'pglite', dataDir: config.dataDir },
    ));
  try {
    await database.migrate();
    let services: RunningServices | undefined;
    const contextFor = (label: string) => systemCtx(services!, label);
    const jobs = await startJobs(database, logger, jobDefinitions(config, database.db, contextFor), {
      maintenance: options.worker ?? false,
    });
    services = {
      config,
      database,
      jobs,
      logger,
      i18n: createI18n(resources),
      now: options.now ?? (() => new Date()),
      listExports,
      reactions,
      close: async () => {
        await jobs.stop();
        await database.close();
      },
    };
    if (options.worker) await jobs.work();
    return services;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The context of work done by the operator or the platform itself (start-up, command line, jobs). */
export function systemCtx(services: Services, label: string): Ctx {
  return {
    actor: { kind: 'system', label },
    locale: 'fr',
    t: translatorFor(services.i18n, 'fr'),
    services,
    db: services.database.db,
    now: services.now,
  };
}
