import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES } from '../../../kernel/locale.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { foldForSearch } from '../../../kernel/text.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize, isAllowed } from '../../../wiring/authorize.ts';
import { supplierRatings, suppliers } from '../db/tables.ts';
import { SUPPLIER_CATEGORIES } from '../domain/suppliers.ts';

export const listSuppliersInput = z.strictObject({
  category: z.enum(SUPPLIER_CATEGORIES).optional(),
  region: z.enum(REGION_CODES).optional(),
  language: z.enum(LOCALES).optional(),
  q: z.string().trim().max(100).optional(),
  /** Inactive entries too (program team). */
  all: z.enum(['true', 'false']).optional(),
});

/**
 * The supplier directory, filtered by category, region and language. Shown neutrally: in alphabetical
 * order, never ranked by payment or by rating; the average rating and how many gave one are shown as facts.
 */
export async function listSuppliers(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'supplier.read');
  const filter = parseInput(listSuppliersInput, input, 'coaching');
  const withInactive = filter.all === 'true' && isAllowed(ctx.actor, 'supplier.manage');
  const ratings = ctx.db
    .select({
      supplierId: supplierRatings.supplierId,
      average: sql<number>`round(avg(${supplierRatings.rating})::numeric, 1)`.as('average'),
      count: sql<number>`count(*)::int`.as('count'),
    })
    .from(supplierRatings)
    .groupBy(supplierRatings.supplierId)
    .as('ratings');
  const rows = await ctx.db
    .select({ supplier: suppliers, average: ratings.average, count: ratings.count })
    .from(suppliers)
    .leftJoin(ratings, eq(ratings.supplierId, suppliers.id))
    .where(
      and(
        withInactive ? undefined : eq(suppliers.active, true),
        filter.category ? sql`${suppliers.categories} ? ${filter.category}` : undefined,
        filter.region ? sql`${suppliers.regions} ? ${filter.region}` : undefined,
        filter.language ? sql`${suppliers.languages} ? ${filter.language}` : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${suppliers.name})`));
  const q = filter.q ? foldForSearch(filter.q) : undefined;
  return {
    items: rows
      .filter(
        (r) =>
          !q ||
          foldForSearch(
            `${r.supplier.name} ${r.supplier.descriptionFr} ${r.supplier.descriptionEn}`,
          ).includes(q),
      )
      .map((r) => ({
        id: r.supplier.id,
        name: r.supplier.name,
        categories: r.supplier.categories,
        regions: r.supplier.regions,
        languages: r.supplier.languages,
        website: r.supplier.website,
        description:
          ctx.locale === 'fr'
            ? r.supplier.descriptionFr || r.supplier.descriptionEn
            : r.supplier.descriptionEn || r.supplier.descriptionFr,
        descriptionFr: r.supplier.descriptionFr,
        descriptionEn: r.supplier.descriptionEn,
        active: r.supplier.active,
        rating: r.count ? { average: Number(r.average), count: Number(r.count) } : null,
      })),
  };
}
