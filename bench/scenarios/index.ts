/**
 * Every benchmark scenario, run in this order on each engine while Virage and the yardstick are up.
 * To add one: a file exporting a `Scenario` (see ../lib/types.ts), listed here.
 */
import type { Scenario } from '../lib/types.ts';
import { apiMe } from './api-me.ts';
import { healthz } from './healthz.ts';
import { homePage } from './home-page.ts';

export const scenarios: Scenario[] = [healthz, homePage, apiMe];
