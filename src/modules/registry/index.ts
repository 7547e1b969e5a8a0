// What other modules may use from the registry.

// Read inside another module's work: prefill at intake, eligibility, the status checks before money moves.
export {
  blockedNeqs,
  changedNeqs,
  currentExtract,
  findRegistryEnterprise,
  licenceInForce,
  type RegistryProfile,
  type RegistryStanding,
  registryProfileOf,
  registryStandings,
} from './db/queries.ts';
export { blocksPayment, type RegistryEnterprise, type StatusKind } from './domain/enterprise.ts';
export type { ImportProblem } from './domain/extract-format.ts';
export { importRegistryExtract } from './use-cases/import-registry-extract.ts';
export { lookUpEnterprise } from './use-cases/look-up-enterprise.ts';
