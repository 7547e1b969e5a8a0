import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { blockedNeqs } from '../../registry/index.ts';
import { registryOverrideOf } from '../db/payments.ts';
import { fileOf } from './get-bank-account.ts';

/**
 * For finance's view of a file: whether the registry's current extract blocks paying the business, and
 * the override recorded for its NEQ of now (one recorded under another NEQ no longer counts).
 */
export async function getRegistryOverride(ctx: Ctx, applicationId: string) {
  authorize(ctx.actor, 'payment.registry_override');
  const file = await fileOf(ctx, applicationId);
  const blocked = file.neq ? (await blockedNeqs(ctx.db, [file.neq])).has(file.neq) : false;
  const row = await registryOverrideOf(ctx.db, applicationId);
  return { neq: file.neq, blocked, override: row && row.neq === file.neq ? row : null };
}
