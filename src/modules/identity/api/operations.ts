import { z } from 'zod';
import { ROLES } from '../../../kernel/roles.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { parseInput } from '../../../platform/validation.ts';
import {
  createdToken,
  invitation,
  me,
  presentInvitation,
  presentMe,
  presentRegistration,
  presentTokens,
  presentUserPage,
  registrationReceived,
  tokenList,
  userPage,
} from '../presenters/accounts.ts';
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
    response: registrationReceived,
    handle: async (ctx, { body }) => presentRegistration(await registerRetailer(ctx, body)),
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
    handle: async (ctx) => presentMe(await getMe(ctx)),
  }),
  defineOperation({
    operationId: 'listUsers',
    method: 'get',
    path: '/users',
    summary: 'Accounts, by e-mail address (administrators)',
    tag: 'identity',
    access: 'user',
    query: listUsersInput,
    response: userPage,
    handle: async (ctx, { query }) => presentUserPage(await listUsers(ctx, query)),
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
    response: invitation,
    handle: async (ctx, { body }) => presentInvitation(await inviteUser(ctx, body)),
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
      const { role, active } = parseInput(updateUserInput, body, 'identity');
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
    response: tokenList,
    handle: async (ctx) => presentTokens(await listApiTokens(ctx)),
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
    response: createdToken,
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
