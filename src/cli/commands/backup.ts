import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.ts';

export const backup: Command = {
  name: 'backup',
  summary: 'Write a consistent copy of the embedded database to a file (.tar.gz); works while Virage runs',
  options: {
    out: { type: 'string', description: 'file to write, e.g. virage-2027-03-31.tar.gz', required: true },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const pglite = services!.database.pglite;
    if (!pglite) {
      io.err('backup is for the embedded engine; with PostgreSQL use pg_dump (see the README, "Backups").');
      return 1;
    }
    const out = path.resolve(String(args.out));
    const dump = await pglite.dumpDataDir('gzip');
    writeFileSync(out, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    io.out(`Backup written to ${out} (${Math.round(dump.size / 1024)} KiB).`);
    return 0;
  },
};
