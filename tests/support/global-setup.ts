import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/client.ts';
import { startJobs } from '../../src/platform/jobs/jobs.ts';
import { createLogger } from '../../src/platform/logging.ts';

/**
 * Builds, once per run, an embedded database with every migration and the job-queue schema applied,
 * so that each test file starts from a copy in a fraction of a second instead of running initdb.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'virage-template-'));
  const database = await openDatabase({ kind: 'pglite-memory' });
  await database.migrate();
  const jobs = await startJobs(database, createLogger('silent'), [], { maintenance: false });
  await jobs.stop();
  const dump = await database.pglite!.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templatePath', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templatePath: string;
  }
}
