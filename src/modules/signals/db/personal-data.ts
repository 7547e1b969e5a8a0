import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { signalFiles } from './tables.ts';

/**
 * Signals' part of a business's copy: which signals name its files. A signal's evidence and resolution
 * are other businesses' data as much as this one's (the same phone on two files), so they stay out;
 * the resolver is a staff member acting in their duties.
 */
export const signalsPersonalData: PersonalDataSource[] = [
  {
    table: signalFiles,
    name: 'signal_files',
    keys: [{ column: signalFiles.applicationId, of: 'application' }],
  },
];
