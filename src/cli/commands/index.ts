import type { Command } from '../command.ts';
import { backup } from './backup.ts';
import { budgetShow } from './budget-show.ts';
import { dbMigrate } from './db-migrate.ts';
import { demoGenerate } from './demo-generate.ts';
import { registryImport } from './registry-import.ts';
import { restore } from './restore.ts';
import { retentionRun } from './retention-run.ts';
import { signalsRecompute } from './signals-recompute.ts';
import { tokensCreate } from './tokens-create.ts';
import { usersCreate } from './users-create.ts';

export const commands: Command[] = [
  usersCreate,
  tokensCreate,
  dbMigrate,
  backup,
  restore,
  demoGenerate,
  budgetShow,
  retentionRun,
  signalsRecompute,
  registryImport,
];
