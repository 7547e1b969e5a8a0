import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listResearchExtracts } from '../../reporting/index.ts';
import { listPrivacyIncidents } from './list-privacy-incidents.ts';
import { listPrivacyRequests } from './list-privacy-requests.ts';

/**
 * What awaits the privacy officer: open requests with their clocks (overdue first), the incident
 * register, and the research extracts waiting for an administrator's approval.
 */
export async function privacyQueue(ctx: Ctx) {
  authorize(ctx.actor, 'privacy_queue.read');
  const [requests, incidents, extracts] = await Promise.all([
    listPrivacyRequests(ctx, { status: 'received,in_progress' }),
    listPrivacyIncidents(ctx),
    listResearchExtracts(ctx, { status: 'requested' }),
  ]);
  return { requests, incidents, extracts };
}
