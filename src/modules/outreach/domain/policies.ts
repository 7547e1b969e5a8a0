import { hasRole, type Policy } from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');

export const outreachPolicies = {
  /** Writing to a segment of a program's businesses, and seeing its size first: the program team. */
  'message.send': { allow: team } satisfies Policy<void>,
  'message.read': { allow: team } satisfies Policy<void>,
  /** Handing a message's mails to the outbox: the job queue only (the system actor). */
  'message.deliver': { allow: () => false } satisfies Policy<void>,
  /** The address's token is the credential: no sign-in (CASL), anyone holding the link. */
  'message.unsubscribe': { allow: () => true, anonymous: true } satisfies Policy<void>,
};
