import { z } from 'zod';
import { LOCALES, type Locale } from '../../../kernel/locale.ts';
import { ROLES, type Role } from '../../../kernel/roles.ts';
import { pageOf } from '../../../platform/http/api.ts';
import { instant, instantOrNull, presentPage } from '../../../platform/http/present.ts';
import type { Page } from '../../../platform/pagination.ts';
import type { Me } from '../use-cases/get-me.ts';
import type { InvitationSent } from '../use-cases/invite-user.ts';
import type { ApiTokenSummary } from '../use-cases/list-api-tokens.ts';
import type { UserSummary } from '../use-cases/list-users.ts';
import type { registerRetailer } from '../use-cases/register-retailer.ts';

export const registrationReceived = z.object({ status: z.literal('confirmation_sent') });

/**
 * The same answer whatever the address: a new account gets a confirmation e-mail, the owner of an
 * existing one a notice with links to sign in and reset the password. Nothing tells them apart.
 */
export const presentRegistration = (
  _received: Awaited<ReturnType<typeof registerRetailer>>,
): z.input<typeof registrationReceived> => ({ status: 'confirmation_sent' });

export const me = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
});

export const presentMe = (account: Me): z.input<typeof me> => ({
  id: account.id,
  email: account.email,
  name: account.name,
  role: account.role as Role,
  locale: account.locale as Locale,
});

const userSummary = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  secondFactor: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
});

export const userPage = pageOf(userSummary);

export const presentUserPage = (page: Page<UserSummary>): z.input<typeof userPage> =>
  presentPage(page, (user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    locale: user.locale as Locale,
    active: user.active,
    secondFactor: user.secondFactor,
    createdAt: instant(user.createdAt),
    lastSignInAt: instantOrNull(user.lastSignInAt),
  }));

export const invitation = z.object({
  id: z.uuid(),
  email: z.email(),
  role: z.enum(ROLES),
  expiresAt: z.iso.datetime(),
});

/** Without the link: it is a secret for the person invited, sent to them by e-mail only. */
export const presentInvitation = (sent: InvitationSent): z.input<typeof invitation> => ({
  id: sent.id,
  email: sent.email,
  role: sent.role as Role,
  expiresAt: instant(sent.expiresAt),
});

const tokenSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  displayPrefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const tokenList = z.object({ items: z.array(tokenSummary) });

export const presentTokens = (tokens: ApiTokenSummary[]): z.input<typeof tokenList> => ({
  items: tokens.map((token) => ({
    id: token.id,
    name: token.name,
    displayPrefix: token.displayPrefix,
    createdAt: instant(token.createdAt),
    lastUsedAt: instantOrNull(token.lastUsedAt),
    revokedAt: instantOrNull(token.revokedAt),
  })),
});

/** The token's value appears in this answer only. */
export const createdToken = z.object({ id: z.uuid(), name: z.string(), token: z.string() });
