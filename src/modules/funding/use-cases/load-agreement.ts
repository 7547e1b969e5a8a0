import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import { type AgreementRow, findAgreement } from '../db/agreements.ts';
import type { AgreementStatus } from '../domain/agreement-status.ts';
import type { fundingPolicies } from '../domain/policies.ts';

export type AgreementFile = NonNullable<Awaited<ReturnType<typeof applicationProfile>>>;

/**
 * An agreement the caller may act on with `action`, and its business's file. Those who may not even
 * read it (another retailer, an expert) are told it does not exist.
 */
export async function loadAgreement(
  ctx: Ctx,
  id: string,
  action: keyof typeof fundingPolicies,
  db: Executor = ctx.db,
): Promise<{ agreement: AgreementRow; file: AgreementFile }> {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  if (ctx.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const agreement = await findAgreement(db, id);
  if (!agreement) throw new AppError('not_found');
  const file = (await applicationProfile(db, agreement.applicationId))!;
  authorizeVisible(ctx.actor, 'agreement.read', file);
  authorize(ctx.actor, action as 'agreement.read', file);
  return { agreement, file };
}

/** Refuses (409) a move the agreement's status does not allow, naming the status it is in. */
export function assertStatus(
  ctx: Ctx,
  agreement: Pick<AgreementRow, 'status'>,
  allowed: readonly AgreementStatus[],
): void {
  if (!allowed.includes(agreement.status))
    throw new AppError('conflict', {
      key: 'funding:agreements.errors.wrong_status',
      params: { status: ctx.t(`funding:agreementStatuses.${agreement.status}`) },
    });
}
