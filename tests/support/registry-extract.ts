import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

// Without vitest: the browser journeys build the synthetic extract too.
const FOLDER = path.resolve(import.meta.dirname, '../fixtures/registry/synthetic-req-extract');
const FILES = [
  'Entreprise.csv',
  'Nom.csv',
  'Etablissement.csv',
  'FusionScission.csv',
  'ContinuationTransformation.csv',
  'DomaineValeur.csv',
] as const;
type FileName = (typeof FILES)[number];

/** The synthetic extract's text of one file (not real data: see the folder's README). */
export const syntheticFile = (name: FileName) => readFileSync(path.join(FOLDER, name), 'utf8');

/**
 * The synthetic extract as the Registraire ships it, one zip dated 2026-11-15; `change` replaces a file's
 * text (null: leaves it out), to make a broken or a newer extract.
 */
export function syntheticExtract(change: Partial<Record<FileName, string | null>> = {}): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of FILES) {
    const text = name in change ? change[name] : readFileSync(path.join(FOLDER, name));
    if (text === null || text === undefined) continue;
    entries[name] = [typeof text === 'string' ? strToU8(text) : text, { mtime: new Date(2026, 10, 15, 12) }];
  }
  return zipSync(entries);
}
