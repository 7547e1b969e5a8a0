import { z } from 'zod';
import { LOCALES } from '../../../kernel/locale.ts';
import { ROLES } from '../../../kernel/roles.ts';
import { type ApiOperation, defineOperation, pageOf } from '../../../platform/http/api.ts';
import { parseInput } from '../../../platform/validation.ts';
import { changeUserRole } from '../use-cases/change-user-role.ts';
import { createApiToken, createApiTokenInput } from '../use-cases/create-api-token.ts';
import { getMe } from '../use-cases/get-me.ts';
import { inviteUser, inviteUserInput } from '../use-cases/invite-user.ts';
import { listApiTokens } from '../use-cases/list-api-tokens.ts';
import { listUsers, listUsersInput } from '../use-cases/list-users.ts';
import { registerRetailer, registerRetailerInput } from '../use-cases/register-retailer.ts';
import { revokeApiToken } from '../use-cases/revoke-api-token.ts';
import { setUserActive } from '../use-cases/set-user-active.ts';
import { verifyEmail, verifyEmailInput } from '../use-cases/verify-email.ts';

const me = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
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

const tokenSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  displayPrefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

const updateUserInput = z
  .strictObject({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.active !== undefined, {
    error: 'identity:validation.nothing_to_change',
  });

export const identityOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'registerRetailer',
    method: 'post',
    path: '/accounts',
    summary:
      'A retailer creates an account to apply; the address is e-mailed (a link to confirm it, or, when it ' +
      'already has an account, links to sign in). The answer is the same either way.',
    tag: 'identity',
    access: 'public',
    body: registerRetailerInput,
    successStatus: 202,
    response: z.object({ status: z.literal('confirmation_sent') }),
    handle: async (ctx, { body }) => {
      await registerRetailer(ctx, body);
      return { status: 'confirmation_sent' as const };
    },
  }),
  defineOperation({
    operationId: 'verifyEmail',
    method: 'post',
    path: '/accounts/verification',
    summary: 'Confirm an e-mail address with the token from the link that was sent',
    tag: 'identity',
    access: 'public',
    body: verifyEmailInput,
    successStatus: 204,
    handle: (ctx, { body }) => verifyEmail(ctx, body),
  }),
  defineOperation({
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    summary: 'The account behind the credentials',
    tag: 'identity',
    access: 'user',
    response: me,
    handle: (ctx) => getMe(ctx),
  }),
  defineOperation({
    operationId: 'listUsers',
    method: 'get',
    path: '/users',
    summary: 'Accounts, by e-mail address (administrators)',
    tag: 'identity',
    access: 'user',
    query: listUsersInput,
    response: pageOf(userSummary),
    handle: (ctx, { query }) => listUsers(ctx, query),
  }),
  defineOperation({
    operationId: 'inviteUser',
    method: 'post',
    path: '/users/invitations',
    summary: 'Invite someone by e-mail to create an account with a role (administrators)',
    tag: 'identity',
    access: 'user',
    body: inviteUserInput,
    successStatus: 201,
    response: z.object({ id: z.uuid(), email: z.email(), role: z.enum(ROLES), expiresAt: z.iso.datetime() }),
    handle: async (ctx, { body }) => {
      const { link: _secret, ...invitation } = await inviteUser(ctx, body);
      return invitation;
    },
  }),
  defineOperation({
    operationId: 'updateUser',
    method: 'patch',
    path: '/users/{id}',
    summary: "Change an account's role, or deactivate / reactivate it (administrators)",
    tag: 'identity',
    access: 'user',
    body: updateUserInput,
    successStatus: 204,
    handle: async (ctx, { params, body }) => {
      const { role, active } = parseInput(updateUserInput, body);
      if (role !== undefined) await changeUserRole(ctx, params.id!, { role });
      if (active !== undefined) await setUserActive(ctx, params.id!, { active });
    },
  }),
  defineOperation({
    operationId: 'listTokens',
    method: 'get',
    path: '/tokens',
    summary: 'Your personal access tokens',
    tag: 'identity',
    access: 'user',
    response: z.object({ items: z.array(tokenSummary) }),
    handle: async (ctx) => ({ items: await listApiTokens(ctx) }),
  }),
  defineOperation({
    operationId: 'createToken',
    method: 'post',
    path: '/tokens',
    summary: 'Create a personal access token (its value is shown only in this answer)',
    tag: 'identity',
    access: 'user',
    body: createApiTokenInput,
    successStatus: 201,
    response: z.object({ id: z.uuid(), name: z.string(), token: z.string() }),
    handle: (ctx, { body }) => createApiToken(ctx, body),
  }),
  defineOperation({
    operationId: 'revokeToken',
    method: 'delete',
    path: '/tokens/{id}',
    summary: 'Revoke one of your tokens',
    tag: 'identity',
    access: 'user',
    successStatus: 204,
    handle: (ctx, { params }) => revokeApiToken(ctx, params.id!),
  }),
];
