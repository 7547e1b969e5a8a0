import { and, count, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import type { ConsentPurpose } from '../domain/consents.ts';
import { applications, consents } from './tables.ts';

/**
 * A condition on `applications` rows: the business's latest choice for this purpose is a consent
 * (Law 25: a withdrawal is a later refusal, and it wins from the moment it is recorded). For reads
 * that join applications, such as the research extracts.
 */
export function hasActiveConsent(purpose: ConsentPurpose): SQL<boolean> {
  return sql<boolean>`coalesce((select ${consents.granted} from ${consents}
    where ${consents.applicationId} = ${applications.id} and ${consents.purpose} = ${purpose}
    order by ${consents.recordedAt} desc, ${consents.seq} desc limit 1), false)`;
}

/**
 * Submitted applications of a program counted by region, subsector, employee band and status: the
 * figures the open data publishes once disclosure control has run. `employeeBandMins` are the lower
 * bounds of the bands after the first; `band` is the band's index (null: employees not given).
 */
export async function openDataCounts(db: Executor, programId: string, employeeBandMins: readonly number[]) {
  const band = sql<
    number | null
  >`width_bucket(${applications.employees}, ${sql.raw(`array[${employeeBandMins.map(Number).join(',')}]`)})`;
  const rows = await db
    .select({
      region: applications.region,
      naics: applications.naics,
      band,
      status: applications.status,
      n: count(),
    })
    .from(applications)
    .where(and(sql`${applications.programId} = ${programId}`, ne(applications.status, 'draft')))
    .groupBy(applications.region, applications.naics, band, applications.status);
  return rows.map((r) => ({ ...r, band: r.band === null ? null : Number(r.band), n: Number(r.n) }));
}
