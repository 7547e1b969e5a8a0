import type { ApiOperation } from '../../../platform/http/api.ts';
import { retentionOperations } from './retention-operations.ts';

/** The privacy centre's operations under /api/v1: the person's (/me/…) and the privacy officer's. */
export const privacyOperations: ApiOperation[] = [...retentionOperations];
