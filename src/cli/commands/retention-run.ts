import { runRetention, startRetentionRun } from '../../modules/privacy/index.ts';
import { systemCtx } from '../../wiring/services.ts';
import type { Command } from '../command.ts';

export const retentionRun: Command = {
  name: 'retention run',
  summary:
    'Apply the retention schedule now: anonymise or destroy what has expired and print the counts per kind (--dry-run first: counts only)',
  options: {
    'dry-run': {
      type: 'boolean',
      description: 'count what would be anonymised or destroyed; change nothing',
    },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const ctx = systemCtx(services!, 'virage retention run');
    const dryRun = args['dry-run'] === true;
    // Run here rather than queued, so the operator sees the counts; it is logged like any other run.
    const run = await startRetentionRun(ctx, { dryRun }, { queue: false });
    const counts = await runRetention(ctx, run.id);
    const width = Math.max(...Object.keys(counts).map((k) => k.length));
    io.out(`${dryRun ? 'Dry run (nothing changed)' : 'Retention run'} ${run.id}`);
    for (const [kind, count] of Object.entries(counts)) io.out(`${kind.padEnd(width)}  ${count}`);
    return 0;
  },
};
