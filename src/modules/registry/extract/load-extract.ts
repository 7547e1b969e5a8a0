import { eq, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { CsvReader } from '../../../kernel/csv.ts';
import { insertMany } from '../../../platform/db/bulk.ts';
import { type Db, selectRows } from '../../../platform/db/client.ts';
import {
  registryCodes,
  registryEnterprises,
  registryEstablishments,
  registryEvents,
  registryExtracts,
  registryNames,
  registryRejectedRows,
} from '../db/tables.ts';
import {
  BLOCKING_FILE,
  checkColumns,
  EXTRACT_FILE_NAMES,
  type ExtractFile,
  extractFileOf,
  type ImportProblem,
} from '../domain/extract-format.ts';
import {
  codeRow,
  enterpriseRow,
  establishmentRow,
  eventRow,
  nameRow,
  type RowCounts,
  type RowRejection,
} from '../domain/extracts.ts';
import { CorruptZipError, readZip } from './read-zip.ts';

/** An import stopped: the problem is recorded on the extract, the previous one stays current. */
export class ImportFailure extends Error {
  readonly problem: ImportProblem;
  constructor(problem: ImportProblem) {
    super(problem.kind);
    this.problem = problem;
  }
}

/** Rows written per transaction: short ones, so the embedded engine keeps answering pages meanwhile. */
const BATCH_ROWS = 5000;
/** Rejected rows kept with their reason per extract (the counts have them all). */
const KEPT_REJECTIONS = 1000;

type Mapper = (fields: Record<string, string>) => { row: object } | { rejected: RowRejection };

const TARGETS: Record<ExtractFile, { table: PgTable; map: Mapper; required: readonly string[] }> = {
  'Entreprise.csv': { table: registryEnterprises, map: enterpriseRow, required: ['NEQ'] },
  'Nom.csv': { table: registryNames, map: nameRow, required: ['NEQ', 'NOM_ASSUJ'] },
  'Etablissement.csv': { table: registryEstablishments, map: establishmentRow, required: ['NEQ'] },
  'FusionScission.csv': {
    table: registryEvents,
    map: (f) => eventRow('FusionScission.csv', f),
    required: ['NEQ'],
  },
  'ContinuationTransformation.csv': {
    table: registryEvents,
    map: (f) => eventRow('ContinuationTransformation.csv', f),
    required: ['NEQ'],
  },
  'DomaineValeur.csv': {
    table: registryCodes,
    map: codeRow,
    required: ['TYP_DOM_VAL', 'COD_DOM_VAL', 'VAL_DOM_FRAN'],
  },
};

/** One file of the archive being read: its decoder, its CSV reader, its header and its pending rows. */
type FileState = {
  file: ExtractFile;
  decoder: TextDecoder;
  reader: CsvReader;
  header?: string[];
  skipped: boolean;
  line: number;
  rows: object[];
  rejected: { line: number; rejection: RowRejection }[];
};

/**
 * Loads an archive into the rows of `extractId` (the staging area: nothing reads them until the extract
 * is made current), in short transactions, reporting the rows read as it goes. Throws `ImportFailure`
 * when the file cannot be an extract; returns the counts and the warnings otherwise.
 */
export async function loadExtract(
  db: Db,
  extractId: string,
  bytes: Uint8Array,
  onProgress: (rowsRead: number) => void = () => {},
): Promise<{ rowCounts: RowCounts; warnings: ImportProblem[] }> {
  const states = new Map<string, FileState>();
  const warnings: ImportProblem[] = [];
  const counts: RowCounts = {};
  const seenEnterprises = new Set<string>();
  let rowsRead = 0;
  let keptRejections = 0;

  // One batch is written while the next is read: the parsing and the database each keep a core busy,
  // and never more than one transaction runs at a time, so pages still get the engine between batches.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (state: FileState) => {
    const { rows, rejected } = state;
    if (rows.length === 0 && rejected.length === 0) return;
    state.rows = [];
    state.rejected = [];
    const count = counts[state.file] ?? { loaded: 0, rejected: 0 };
    counts[state.file] = count;
    count.loaded += rows.length;
    count.rejected += rejected.length;
    const kept = rejected.slice(0, Math.max(0, KEPT_REJECTIONS - keptRejections));
    keptRejections += kept.length;
    rowsRead += rows.length + rejected.length;
    const progress = { rowsRead, rowCounts: structuredClone(counts) };
    const previous = writing;
    writing = previous.then(async () => {
      await db.transaction(async (tx) => {
        await insertMany(
          tx,
          TARGETS[state.file].table,
          rows.map((r) => ({ ...r, extractId })),
        );
        await insertMany(
          tx,
          registryRejectedRows,
          kept.map((r) => ({
            extractId,
            file: state.file,
            line: r.line,
            reason: r.rejection.reason,
            column: r.rejection.column ?? null,
          })),
        );
        await tx.update(registryExtracts).set(progress).where(eq(registryExtracts.id, extractId));
      });
      onProgress(progress.rowsRead);
    });
    await previous;
  };

  const readRows = (state: FileState, rows: string[][]) => {
    for (const cells of rows) {
      state.line++;
      if (!state.header) {
        const header = cells.map((c) => c.trim().toUpperCase());
        state.header = header;
        const problems = checkColumns(state.file, header);
        const missing = problems.find((p) => p.kind === 'missing_column');
        if (state.file === BLOCKING_FILE && missing) throw new ImportFailure(missing);
        warnings.push(...problems);
        const absent = TARGETS[state.file].required.find((c) => !header.includes(c));
        if (absent) {
          state.skipped = true;
          warnings.push({ kind: 'file_skipped', file: state.file, column: absent });
        }
        continue;
      }
      if (state.skipped) continue;
      if (cells.length !== state.header.length) {
        state.rejected.push({ line: state.line, rejection: { reason: 'field_count' } });
        continue;
      }
      const fields = Object.fromEntries(state.header.map((h, i) => [h, cells[i]!]));
      const mapped = TARGETS[state.file].map(fields);
      if ('rejected' in mapped) {
        state.rejected.push({ line: state.line, rejection: mapped.rejected });
        continue;
      }
      if (state.file === BLOCKING_FILE) {
        const { neq } = mapped.row as { neq: string };
        if (seenEnterprises.has(neq)) {
          state.rejected.push({ line: state.line, rejection: { reason: 'duplicate', column: 'NEQ' } });
          continue;
        }
        seenEnterprises.add(neq);
      }
      state.rows.push(mapped.row);
    }
  };

  try {
    await readZip(bytes, async (pieces) => {
      for (const piece of pieces) {
        let state = states.get(piece.name);
        if (!state) {
          const file = extractFileOf(piece.name);
          if (!file) {
            if (!warnings.some((w) => w.kind === 'unexpected_file' && w.file === piece.name))
              warnings.push({ kind: 'unexpected_file', file: piece.name });
            continue;
          }
          state = {
            file,
            decoder: new TextDecoder('utf-8'),
            reader: new CsvReader(),
            skipped: false,
            line: 0,
            rows: [],
            rejected: [],
          };
          states.set(piece.name, state);
        }
        readRows(state, state.reader.push(state.decoder.decode(piece.data, { stream: !piece.final })));
        if (piece.final) readRows(state, state.reader.end());
        if (piece.final || state.rows.length + state.rejected.length >= BATCH_ROWS) await flush(state);
      }
    });
    await writing;
  } catch (error) {
    // A batch still being written when the reading stopped is waited for: nothing writes after a failure.
    await writing.catch(() => {});
    if (error instanceof CorruptZipError) throw new ImportFailure({ kind: 'corrupt_zip' });
    throw error;
  }
  const found = new Set([...states.values()].map((s) => s.file));
  if (!found.has(BLOCKING_FILE)) throw new ImportFailure({ kind: 'missing_file', file: BLOCKING_FILE });
  for (const file of EXTRACT_FILE_NAMES) if (!found.has(file)) warnings.push({ kind: 'missing_file', file });
  return { rowCounts: counts, warnings };
}

const DATA_TABLES = [
  registryEnterprises,
  registryNames,
  registryEstablishments,
  registryEvents,
  registryCodes,
];
const PURGE_ROWS = 20000;

/**
 * Deletes an extract's rows (a superseded or failed one), a slice per statement, so that no long
 * transaction holds the engine. Its provenance (the extract's own row and its rejections) stays.
 */
export async function purgeExtractRows(db: Db, extractId: string): Promise<void> {
  for (const table of DATA_TABLES) {
    const name = sql.identifier(getTableName(table));
    for (;;) {
      const [gone] = await selectRows<{ count: number }>(
        db,
        sql`with gone as (delete from ${name} where ctid in (select ctid from ${name} where extract_id = ${extractId} limit ${PURGE_ROWS}) returning 1) select count(*)::int as count from gone`,
      );
      if ((gone?.count ?? 0) < PURGE_ROWS) break;
    }
  }
}
