import { z } from 'zod';
import { LOCALES } from '../../../kernel/locale.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { SPECIALTY_IDS } from './specialties.ts';

export const regionsField = z.array(z.enum(REGION_CODES)).min(1).max(17);
export const languagesField = z.array(z.enum(LOCALES)).min(1).max(2);
export const specialtiesField = z.array(z.enum(SPECIALTY_IDS as [string, ...string[]])).max(8);
/** Active files an expert may hold at once (about 250 in the program as run). */
export const capacityField = z.number().int().min(0).max(1000);
