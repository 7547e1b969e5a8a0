import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockDataFolder } from '../../platform/db/lock.ts';
import type { Command } from '../command.ts';

export const restore: Command = {
  name: 'restore',
  summary:
    'Replace the embedded database with a backup file (stop Virage first; the current data is kept aside)',
  options: { in: { type: 'string', description: 'backup file written by `virage backup`', required: true } },
  needs: 'offline',
  async run(args, io, { config }) {
    if (config.databaseUrl) {
      io.err(
        'restore is for the embedded engine; with PostgreSQL use pg_restore or psql (see the README, "Backups").',
      );
      return 1;
    }
    const file = path.resolve(String(args.in));
    if (!existsSync(file)) {
      io.err(`No backup file at ${file}.`);
      return 1;
    }
    const lock = lockDataFolder(config.dataDir);
    try {
      const target = path.join(config.dataDir, 'pglite');
      const aside = existsSync(target)
        ? `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
        : undefined;
      if (aside) renameSync(target, aside);
      try {
        const db = await PGlite.create({
          dataDir: target,
          loadDataDir: new Blob([readFileSync(file)]),
          extensions: { pg_trgm },
        });
        await db.query('select 1');
        await db.close();
      } catch (error) {
        rmSync(target, { recursive: true, force: true });
        if (aside) renameSync(aside, target);
        throw error;
      }
      io.out(`Restored ${file} into ${target}.${aside ? ` The previous data is in ${aside}.` : ''}`);
      return 0;
    } finally {
      lock.release();
    }
  },
};
