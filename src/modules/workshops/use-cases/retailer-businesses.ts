import type { Executor } from '../../../platform/db/client.ts';
import { weakestDimensionsOf } from '../../diagnostic/index.ts';
import { applicationIdsOf, applicationProfiles } from '../../intake/index.ts';
import type { BusinessFacts } from '../domain/workshops.ts';

export type RetailerBusiness = BusinessFacts & { applicationId: string };

/**
 * The retailer's accepted businesses as the audience rules read them: program, region and the
 * weakest dimensions of the entry diagnostic (none until it is completed).
 */
export async function acceptedBusinessesOf(db: Executor, userId: string): Promise<RetailerBusiness[]> {
  const profiles = (await applicationProfiles(db, await applicationIdsOf(db, userId))).filter(
    (p) => p.status === 'accepted',
  );
  const weak = await weakestDimensionsOf(db, { applicationIds: profiles.map((p) => p.id) });
  return profiles.map((p) => ({
    applicationId: p.id,
    programId: p.programId,
    region: p.region,
    weakDimensions: weak.get(p.id) ?? [],
  }));
}
