import { formatDateTime, formatMoney } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { AgreementView } from '../use-cases/agreement-view.ts';

/**
 * An agreement as the team's page and the retailer's « Mon aide » show it: money in fr-CA or en-CA
 * to the cent, days as `YYYY-MM-DD`, times in Montréal, and its history in time order.
 */
export function shownAgreement(view: AgreementView, locale: Locale) {
  const money = (cents: number) => formatMoney(cents, locale, true);
  const when = (at: Date | null) => (at ? formatDateTime(at, locale) : null);
  const history = [
    { at: view.offeredAt, event: 'offered', detail: view.acceptBy ?? '' },
    { at: view.acceptedAt, event: 'accepted', detail: view.acceptedName ?? '' },
    { at: view.declinedAt, event: 'declined', detail: view.endReason ?? '' },
    ...view.amendments.flatMap((a) => [
      { at: a.requestedAt, event: 'amendment_requested', detail: a.reason },
      { at: a.decidedAt, event: `amendment_${a.decision}`, detail: a.decisionReason ?? '' },
    ]),
    { at: view.closedAt, event: 'closed', detail: view.endReason ?? '' },
  ]
    .filter((e): e is typeof e & { at: Date } => e.at !== null)
    .sort((x, y) => x.at.getTime() - y.at.getTime())
    .map((e, i) => ({
      key: `${e.event}-${i}`,
      event: e.event,
      detail: e.detail,
      at: formatDateTime(e.at, locale),
    }));
  return {
    id: view.id,
    applicationId: view.applicationId,
    businessName: view.businessName,
    programName: view.programName,
    envelopeName: view.envelopeName,
    fiscalYear: view.fiscalYear,
    status: view.status,
    version: view.version,
    rulesVersion: view.rulesVersion,
    aidKind: view.rules.kind,
    grant: money(view.grantCents),
    eligible: money(view.eligibleCents),
    arithmetic: view.arithmetic,
    otherPublicAid: money(view.otherPublicAidCents),
    gstRegistered: view.gstRegistered,
    qstRegistered: view.qstRegistered,
    lines: view.lines.map((l) => ({ ...l, amount: money(l.amountCents) })),
    claimed: money(view.claimedCents),
    paid: money(view.paidCents),
    left: money(view.leftCents),
    acceptBy: view.acceptBy,
    projectStartsOn: view.rules.projectWindow.startsOn,
    projectEndsOn: view.rules.projectWindow.endsOn,
    claimDeadline: view.rules.claimDeadline,
    minimumUseDays: view.rules.minimumUseDays,
    costsFrom: view.rules.costsFrom,
    endReason: view.endReason,
    canAccept: view.canAccept,
    amendments: view.amendments.map((a) => ({
      id: a.id,
      reason: a.reason,
      requestedAt: formatDateTime(a.requestedAt, locale),
      decision: a.decision,
      decisionReason: a.decisionReason,
      decidedAt: when(a.decidedAt),
      lines: a.lines.map((l, i) => ({
        key: `${l.id ?? 'new'}-${i}`,
        category: l.category,
        description: l.description,
        amount: money(l.amountCents),
      })),
    })),
    history,
  };
}

export type ShownAgreement = ReturnType<typeof shownAgreement>;
