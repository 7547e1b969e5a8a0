import { createUser } from '../../modules/identity/use-cases/create-user.ts';
import { inviteUser } from '../../modules/identity/use-cases/invite-user.ts';
import { systemCtx } from '../../wiring/services.ts';
import type { Command } from '../command.ts';

export const usersCreate: Command = {
  name: 'users create',
  summary:
    'Create an account: with the password given on standard input, or else by printing an invitation link',
  options: {
    email: { type: 'string', description: 'e-mail address of the account', required: true },
    role: {
      type: 'string',
      description: 'retailer, partner, expert, coordinator, admin, ministry or researcher',
      required: true,
    },
    name: { type: 'string', description: 'display name (default: the part of the address before @)' },
    locale: { type: 'string', description: 'fr (default) or en: language of the account and its e-mails' },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const ctx = systemCtx(services!, 'virage users create');
    const email = String(args.email);
    const locale = (args.locale as string | undefined) ?? 'fr';
    const password = io.stdin?.replace(/\r?\n$/, '');
    if (password) {
      const name = (args.name as string | undefined) ?? email.split('@')[0];
      const created = await createUser(ctx, { email, role: args.role, name, password, locale });
      io.out(`Created ${args.role} account ${created.email} (${created.id}).`);
      return 0;
    }
    const invitation = await inviteUser(ctx, { email, role: args.role, locale });
    io.out(
      `Invitation for ${invitation.email} (${args.role}), valid until ${invitation.expiresAt.toISOString()}:`,
    );
    io.out(invitation.link);
    return 0;
  },
};
