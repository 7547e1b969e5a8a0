import type { Command } from '../command.ts';

export const dbMigrate: Command = {
  name: 'db migrate',
  summary: 'Apply pending database migrations (start-up does this too)',
  options: {},
  needs: 'services',
  async run(_args, io, { services }) {
    // Opening the services applies every pending migration; report where.
    await services!.database.migrate();
    io.out(
      `Migrations applied (${services!.database.kind === 'pglite' ? 'embedded engine' : 'PostgreSQL'}).`,
    );
    return 0;
  },
};
