import { asc, eq } from 'drizzle-orm';
import { recordFileRead } from '../../../platform/audit/file-reads.ts';
import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { waitlistPosition } from '../db/application-writes.ts';
import { type ApplicationRow, latestConsents, possibleDuplicates } from '../db/queries.ts';
import {
  applicationEvents,
  applicationRegistryChecks,
  criteriaVersions,
  partnerOrganizations,
} from '../db/tables.ts';
import {
  type ApplicationStatusView,
  type ApplicationView,
  fullView,
  statusView,
} from '../domain/application-view.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import { loadApplication } from './load-application.ts';

export type ApplicationDetail =
  | {
      access: 'full';
      application: ApplicationView;
      staff: null | { duplicates: Awaited<ReturnType<typeof possibleDuplicates>> };
    }
  | { access: 'status'; application: ApplicationStatusView };

/**
 * One application: everything for the retailer who applied and the program team (plus possible
 * duplicates and staff notes for the team); only its status for the partner who referred it.
 */
export async function getApplication(ctx: Ctx, id: string): Promise<ApplicationDetail> {
  const { app, resource } = await loadApplication(ctx, id, 'application.read_status');
  if (!isAllowed(ctx.actor, 'application.read', resource))
    return { access: 'status', application: statusView(app) };
  await recordFileRead(ctx, {
    applicationId: app.id,
    subjectUserId: app.applicantId,
    part: 'application',
    entityId: app.id,
  });
  const staff = isAllowed(ctx.actor, 'application.review');
  return {
    access: 'full',
    application: await detailOf(ctx, app, staff),
    staff: staff ? { duplicates: await possibleDuplicates(ctx.db, app) } : null,
  };
}

export async function detailOf(ctx: Ctx, app: ApplicationRow, staff: boolean): Promise<ApplicationView> {
  const [consent, events, version, partner, position, check] = await Promise.all([
    latestConsents(ctx.db, app.id),
    ctx.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id))
      .orderBy(asc(applicationEvents.occurredAt)),
    app.criteriaVersionId
      ? ctx.db
          .select({ version: criteriaVersions.version })
          .from(criteriaVersions)
          .where(eq(criteriaVersions.id, app.criteriaVersionId))
      : Promise.resolve([]),
    app.partnerOrganizationId
      ? ctx.db
          .select({ id: partnerOrganizations.id, name: partnerOrganizations.name })
          .from(partnerOrganizations)
          .where(eq(partnerOrganizations.id, app.partnerOrganizationId))
      : Promise.resolve([]),
    waitlistPosition(ctx.db, app),
    ctx.db
      .select({ neq: applicationRegistryChecks.neq, establishment: applicationRegistryChecks.establishment })
      .from(applicationRegistryChecks)
      .where(eq(applicationRegistryChecks.applicationId, app.id)),
  ]);
  return fullView(app, {
    consents: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, consent[p]?.granted ?? false])) as Record<
      (typeof CONSENT_PURPOSES)[number],
      boolean
    >,
    criteriaVersion: version[0]?.version ?? null,
    partner: partner[0] ?? null,
    waitlistPosition: position,
    // A choice made under another NEQ is not this business's establishment.
    establishment: check[0]?.neq === app.neq ? (check[0]?.establishment ?? null) : null,
    // Staff notes are for the team only; actor names of staff are not shown to retailers either.
    history: events
      .filter((e) => staff || e.kind !== 'note')
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        message: e.message,
        actorName: staff ? e.actorName : null,
        occurredAt: e.occurredAt,
      })),
    locale: ctx.locale,
  });
}
