import type { Ctx } from '../../../platform/context.ts';
import { agreementView } from './agreement-view.ts';
import { loadAgreement } from './load-agreement.ts';

/** One agreement: the retailer whose it is, the program team and finance read it. */
export async function getAgreement(ctx: Ctx, id: string) {
  const { agreement, file } = await loadAgreement(ctx, id, 'agreement.read');
  return agreementView(ctx, agreement, file);
}
