import type { Translate } from '../../../kernel/locale.ts';
import { regionName } from '../../../kernel/quebec.ts';
import type { Reason } from './fit.ts';

/** A fit reason in words, in the reader's language ("même région", "parle français"…). */
export function describeReason(reason: Reason, t: Translate, dimensionLabel: (id: string) => string): string {
  switch (reason.key) {
    case 'same_region':
      return t('experts:reasons.same_region', {
        region: regionName(reason.region),
      });
    case 'speaks':
      return t(`experts:reasons.speaks_${reason.language}`);
    case 'specialty':
      return t(`experts:reasons.specialty_${reason.rank}`, {
        specialty: t(`experts:specialties.${reason.specialty}`),
        dimension: dimensionLabel(reason.dimension),
      });
    case 'continuity':
      return t('experts:reasons.continuity');
  }
}
