import { z } from 'zod';
import { defineOperation } from '../../../platform/http/api.ts';
import { changeMyConsent, listMyConsents } from '../../intake/index.ts';
import { myConsents, presentMyConsents } from '../presenters/consents.ts';

const consentTarget = z.object({
  applicationId: z
    .uuid()
    .optional()
    .describe('One of the person’s businesses; without it, every one of theirs'),
});

/** The person's consents per purpose (Law 25): read, withdraw as easily as given, give again. */
export const consentOperations = [
  defineOperation({
    operationId: 'listMyConsents',
    method: 'get',
    path: '/me/consents',
    summary:
      'Each of my businesses with every consent purpose: its state, the text version, when given or withdrawn',
    tag: 'privacy',
    access: 'user',
    response: myConsents,
    handle: async (ctx) => presentMyConsents(await listMyConsents(ctx)),
  }),
  ...(
    [
      [
        'withdrawal',
        false,
        'withdrawMyConsent',
        'Withdraw a consent (a new record with the text version and time; audited); withdrawing participation also withdraws the application while possible',
      ],
      [
        'grant',
        true,
        'giveMyConsent',
        'Give a consent again after withdrawing it (a new record with the text version in force)',
      ],
    ] as const
  ).map(([suffix, granted, operationId, summary]) =>
    defineOperation({
      operationId,
      method: 'post',
      path: `/me/consents/{purpose}/${suffix}`,
      summary,
      tag: 'privacy',
      access: 'user',
      body: consentTarget,
      response: myConsents,
      handle: async (ctx, { params, body }) =>
        presentMyConsents(
          await changeMyConsent(ctx, { ...(body as object), purpose: params.purpose }, granted),
        ),
    }),
  ),
];
