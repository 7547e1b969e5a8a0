import { ensureDiagnosticDefaults } from '../modules/diagnostic/index.ts';
import { createFirstAdminLink } from '../modules/identity/use-cases/create-first-admin-link.ts';
import { ensureIntakeDefaults } from '../modules/intake/index.ts';
import { ensureDefaultProgram, listPrograms } from '../modules/programs/index.ts';
import type { Ctx } from '../platform/context.ts';

/**
 * What an empty database gets at start-up: the default program with its intake settings, and while no
 * administrator exists, a one-time link to create the first one. Idempotent.
 */
export async function firstRun(system: Ctx) {
  const { created } = await ensureDefaultProgram(system);
  for (const program of await listPrograms(system)) {
    await ensureIntakeDefaults(system, program.id);
    await ensureDiagnosticDefaults(system, program.id);
  }
  const firstAdmin = await createFirstAdminLink(system);
  return { createdProgram: created, firstAdmin };
}
