import { issueApiToken } from '../../modules/identity/use-cases/issue-api-token.ts';
import { systemCtx } from '../../wiring/services.ts';
import type { Command } from '../command.ts';

export const tokensCreate: Command = {
  name: 'tokens create',
  summary: 'Create a personal access token for an account and print it (it is shown only once)',
  options: {
    email: { type: 'string', description: 'e-mail address of the account', required: true },
    name: { type: 'string', description: 'what the token is for (default: "cli")' },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const ctx = systemCtx(services!, 'virage tokens create');
    const { token } = await issueApiToken(ctx, {
      email: args.email,
      name: (args.name as string | undefined) ?? 'cli',
    });
    io.out(token);
    return 0;
  },
};
