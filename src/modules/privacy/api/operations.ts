import type { ApiOperation } from '../../../platform/http/api.ts';
import { consentOperations } from './consent-operations.ts';
import { dataExportOperations } from './data-export-operations.ts';
import { retentionOperations } from './retention-operations.ts';

/** The privacy centre's operations under /api/v1: the person's (/me/…) and the privacy officer's. */
export const privacyOperations: ApiOperation[] = [
  ...consentOperations,
  ...dataExportOperations,
  ...retentionOperations,
];
