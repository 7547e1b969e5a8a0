import type { Executor } from '../../../platform/db/client.ts';
import { type Criterion, type Evaluation, evaluate } from '../domain/eligibility.ts';
import { factsFrom, type RegistryFactInput } from '../domain/facts.ts';
import { type ApplicationRow, neqAlreadyInProgram } from './queries.ts';

/**
 * The automated assessment of an application against `criteria`, on every fact submission judges,
 * including whether the business is already in the program (another active application, same NEQ) and
 * what the business registry says of its NEQ.
 */
export async function assessApplication(
  db: Executor,
  criteria: Criterion[],
  app: ApplicationRow,
  now: Date,
  registry: RegistryFactInput | undefined,
): Promise<Evaluation> {
  const already = app.neq ? await neqAlreadyInProgram(db, app.programId, app.neq, app.id) : false;
  return evaluate(
    criteria,
    factsFrom({ ...app, municipality: app.municipalityCode }, now, already, registry),
  );
}
