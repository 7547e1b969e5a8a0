import { generateDemoData } from '../../modules/demo/use-cases/generate-demo-data.ts';
import { systemCtx } from '../../wiring/services.ts';
import type { Command } from '../command.ts';

export const demoGenerate: Command = {
  name: 'demo generate',
  summary: 'Fill an empty database with deterministic demo data and print the sign-ins',
  options: {
    retailers: { type: 'string', description: 'how many retailers (default 300)' },
    seed: { type: 'string', description: 'random seed: the same seed gives the same data (default 2027)' },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const started = performance.now();
    const result = await generateDemoData(systemCtx(services!, 'virage demo generate'), {
      retailers: Number(args.retailers ?? 300),
      seed: Number(args.seed ?? 2027),
    });
    io.out(
      `Demo data: ${result.retailers} retailers, one account per role (${Math.round(performance.now() - started)} ms).`,
    );
    io.out('');
    io.out('Sign-ins (the same password for all):');
    for (const s of result.signIns) {
      const factor = s.totpSecret ? `  TOTP secret ${s.totpSecret}  recovery code ${s.recoveryCode}` : '';
      io.out(`  ${s.role.padEnd(12)} ${s.email.padEnd(34)} ${s.password}${factor}`);
    }
    io.out(
      'Staff accounts ask for a code: add the TOTP secret to an authenticator app, or use the recovery code once.',
    );
    return 0;
  },
};
