import { recomputeSignals } from '../../modules/signals/index.ts';
import { systemCtx } from '../../wiring/services.ts';
import type { Command } from '../command.ts';

export const signalsRecompute: Command = {
  name: 'signals recompute',
  summary:
    'Run every abuse-signal detector over every file (the first run, or after changes made outside the application) and print what changed; decisions already made are kept',
  options: {},
  needs: 'services',
  async run(_args, io, { services }) {
    const counts = await recomputeSignals(systemCtx(services!, 'virage signals recompute'));
    for (const [what, count] of Object.entries(counts)) io.out(`${what.padEnd(8)}  ${count}`);
    return 0;
  },
};
