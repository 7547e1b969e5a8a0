import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  isNotNull,
  like,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { z } from 'zod';
import { startOfMontrealDay } from '../../../kernel/format.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { foldForSearch } from '../../../kernel/text.ts';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applications, partnerOrganizations } from '../db/tables.ts';
import { APPLICATION_STATUSES, TO_DECIDE } from '../domain/status.ts';

const day = z.iso.date({ error: 'common:validation.date' });

export const reviewQueueInput = z.strictObject({
  programId: z.uuid().optional(),
  /** A status, or `to_decide`: what waits for the team's decision (the review page's default). */
  status: z
    .enum([TO_DECIDE, ...APPLICATION_STATUSES.filter((s) => s !== 'draft')] as [string, ...string[]])
    .optional(),
  region: z.enum(REGION_CODES).optional(),
  naics: z
    .string()
    .regex(/^\d{3}$/, { error: 'intake:validation.naics' })
    .optional(),
  partner: z.uuid().optional(),
  eligible: z.enum(['true', 'false']).optional(),
  review: z.enum(['requested']).optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(100).optional(),
  /** `waitlist`: the waitlist only, in its order (first come, first served). */
  sort: z.enum(['newest', 'oldest', 'name', 'waitlist']).default('newest'),
  cursor: cursorField.optional(),
  limit: limitField,
});

/** Beyond this many matches the queue says "more than 1,000" rather than counting them all. */
export const TOTAL_CAP = 1000;

/**
 * The review queue (program team): submitted applications, filtered, searched by name or NEQ, sorted,
 * one page at a time (stable cursors). Drafts are the retailer's own until submitted.
 */
export async function listApplications(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'application.review');
  const f = parseInput(reviewQueueInput, input, 'intake');
  const where: (SQL | undefined)[] = [ne(applications.status, 'draft'), isNotNull(applications.submittedAt)];
  if (f.programId) where.push(eq(applications.programId, f.programId));
  if (f.status === TO_DECIDE) {
    // Submitted (information received puts it back there), or waiting for information while the
    // applicant asked a person to review the automated assessment: a person must act on either.
    where.push(
      or(
        eq(applications.status, 'submitted'),
        and(eq(applications.status, 'info_requested'), isNotNull(applications.reviewRequestedAt)),
      ),
    );
  } else if (f.status) where.push(eq(applications.status, f.status as never));
  if (f.sort === 'waitlist') where.push(eq(applications.status, 'waitlisted'));
  if (f.region) where.push(eq(applications.region, f.region));
  if (f.naics) where.push(eq(applications.naics, f.naics));
  if (f.partner) where.push(eq(applications.partnerOrganizationId, f.partner));
  if (f.eligible) where.push(eq(applications.eligible, f.eligible === 'true'));
  if (f.review) where.push(isNotNull(applications.reviewRequestedAt));
  if (f.from) where.push(gte(applications.submittedAt, startOfMontrealDay(f.from)));
  if (f.to) where.push(lt(applications.submittedAt, startOfMontrealDay(f.to, 1)));
  if (f.q) {
    const digits = f.q.replace(/[\s-]/g, '');
    where.push(
      /^\d{3,10}$/.test(digits)
        ? like(applications.neq, `${digits}%`)
        : ilike(applications.searchText, `%${foldForSearch(f.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    );
  }
  const filters = and(...where);
  const order =
    f.sort === 'name'
      ? [asc(applications.legalName), asc(applications.id)]
      : f.sort === 'waitlist'
        ? [asc(applications.waitlistedAt), asc(applications.id)]
        : f.sort === 'oldest'
          ? [asc(applications.submittedAt), asc(applications.id)]
          : [desc(applications.submittedAt), desc(applications.id)];
  const after = f.cursor ? keyset(f.sort, decodeCursor(f.cursor)!) : undefined;

  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: applications.id,
        programId: applications.programId,
        legalName: applications.legalName,
        tradeName: applications.tradeName,
        neq: applications.neq,
        region: applications.region,
        municipality: applications.municipalityName,
        naics: applications.naics,
        employees: applications.employees,
        status: applications.status,
        eligible: applications.eligible,
        submittedAt: applications.submittedAt,
        waitlistedAt: applications.waitlistedAt,
        reviewRequested: sql<boolean>`${applications.reviewRequestedAt} is not null`,
        partner: partnerOrganizations.name,
      })
      .from(applications)
      .leftJoin(partnerOrganizations, eq(partnerOrganizations.id, applications.partnerOrganizationId))
      .where(and(filters, after))
      .orderBy(...order)
      .limit(f.limit + 1),
    // Counting every match of a 300,000-row queue costs more than the page itself: count up to the cap.
    ctx.db.select({ n: count() }).from(
      ctx.db
        .select({ one: sql`1` })
        .from(applications)
        .where(filters)
        .limit(TOTAL_CAP + 1)
        .as('matches'),
    ),
  ]);
  const page = toPage(rows, f.limit, (r) =>
    f.sort === 'name'
      ? [r.legalName ?? '', r.id]
      : [(f.sort === 'waitlist' ? r.waitlistedAt! : r.submittedAt!).toISOString(), r.id],
  );
  const matches = Number(total?.n ?? 0);
  return { ...page, total: Math.min(matches, TOTAL_CAP), totalIsLowerBound: matches > TOTAL_CAP };
}

function keyset(
  sort: 'newest' | 'oldest' | 'name' | 'waitlist',
  [value, id]: (string | number)[],
): SQL | undefined {
  const last = String(id);
  if (sort === 'name') {
    const name = String(value);
    return or(
      gt(applications.legalName, name),
      and(eq(applications.legalName, name), gt(applications.id, last)),
    );
  }
  const at = new Date(String(value));
  if (sort === 'waitlist')
    return or(
      gt(applications.waitlistedAt, at),
      and(eq(applications.waitlistedAt, at), gt(applications.id, last)),
    );
  return sort === 'oldest'
    ? or(gt(applications.submittedAt, at), and(eq(applications.submittedAt, at), gt(applications.id, last)))
    : or(lt(applications.submittedAt, at), and(eq(applications.submittedAt, at), lt(applications.id, last)));
}
