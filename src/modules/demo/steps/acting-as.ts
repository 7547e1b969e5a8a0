import type { Locale } from '../../../kernel/locale.ts';
import type { Role } from '../../../kernel/roles.ts';
import type { Ctx } from '../../../platform/context.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';

/** Someone the demo acts as: an account it created. */
export type Person = { id: string; role: Role; email: string; name: string; locale: Locale };

/**
 * The context of `person` doing something themselves, signed in (with their second factor, for staff,
 * unless they are setting it up), at `at` when it must have happened earlier than now. The use case
 * then checks what it checks for anyone: who may act, and every rule of the moment.
 */
export function actingAs(
  ctx: Ctx,
  person: Person,
  options: { at?: Date; locale?: Locale; secondFactor?: boolean } = {},
): Ctx {
  const locale = options.locale ?? person.locale;
  const at = options.at;
  return {
    ...ctx,
    actor: {
      kind: 'user',
      id: person.id,
      role: person.role,
      email: person.email,
      name: person.name,
      locale: person.locale,
      secondFactor: options.secondFactor ?? true,
      via: 'session',
    },
    locale,
    t: translatorFor(ctx.services.i18n, locale),
    now: at ? () => at : ctx.now,
  };
}
