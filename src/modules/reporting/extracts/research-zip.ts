/**
 * Writes a research extract as a zip, row batch by row batch: `data.csv` (UTF-8, RFC 4180), `data.xlsx`
 * (the same rows, while the extract is small enough to build a workbook in memory), `dictionary.csv`
 * and `README.txt` (French, then English: extraction date, rules versions, row count, checksums).
 * The pseudonym key is drawn here, used, and dropped: it is stored nowhere, so no one, Virage
 * included, can link an extract's pseudonyms back to a business or to another extract's.
 */
import { createHash, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { csvField } from '../../../kernel/csv.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import {
  ClassCounter,
  DETAILED,
  type Generalisation,
  generalise,
  QUASI_IDENTIFIERS,
} from '../domain/research.ts';
import {
  quasiValuesOf,
  type ResearchSource,
  type ResearchVariable,
  releasedRow,
  releasedValue,
} from '../domain/research-variables.ts';
import { PieceWriter } from './piece-writer.ts';

/** Beyond this many rows the workbook is left out (its writer holds it whole); the CSV has every row. */
export const XLSX_MAX_ROWS = 10_000;
const CHUNK_BYTES = 1 << 20;

/**
 * A keyed hash of the business's id with a per-extract secret: stable within an extract only. Hex (64
 * bits), so no pseudonym starts with a character a spreadsheet reads as a formula (`-`): the CSV would
 * neutralise it and the same business would be named differently in the CSV and the workbook.
 */
export function pseudonymizer(secret: Uint8Array = randomBytes(32)): (applicationId: string) => string {
  // A key object made once: handing raw bytes to each HMAC imports the key again every time.
  const key = createSecretKey(secret);
  return (applicationId) => createHmac('sha256', key).update(applicationId).digest().toString('hex', 0, 8);
}

type Value = string | number | boolean | null;
const csvLine = (values: readonly Value[]) => `${values.map(csvField).join(',')}\r\n`;
const encoder = new TextEncoder();

export type ExtractFacts = {
  extractId: string;
  programName: { fr: string; en: string };
  purpose: string;
  requestedBy: string;
  approvedBy: string;
  extractedAt: string;
  rulesVersions: Record<string, string>;
  generalisation: Generalisation;
};

export type WrittenExtract = {
  rowCount: number;
  /** Businesses per class under the generalisation asked, and at the most detailed level. */
  counts: Map<string, number>;
  detailedCounts: Map<string, number>;
  checksums: Record<string, string>;
  sizeBytes: number;
  xlsxIncluded: boolean;
};

/** A file of the zip whose SHA-256 is kept as it is written. */
function zipFile(zip: Zip, name: string, compressed = true) {
  const entry = compressed ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
  zip.add(entry);
  const hash = createHash('sha256');
  return {
    push(data: Uint8Array, final = false) {
      hash.update(data);
      entry.push(data, final);
    },
    digest: () => hash.digest('hex'),
  };
}

function dictionaryCsv(variables: readonly ResearchVariable[], t: { fr: Translate; en: Translate }): string {
  const header = [
    'variable',
    'label_fr',
    'label_en',
    'type',
    'unit',
    'codes',
    'derivation_fr',
    'derivation_en',
  ];
  const text = (tr: Translate, v: ResearchVariable, part: 'label' | 'derivation') =>
    tr(`reporting:research.variables.${v.key}.${part}`, {
      ...v.params,
      dimension: tr === t.fr ? v.params?.dimension_fr : v.params?.dimension_en,
    });
  return [
    csvLine(header),
    ...variables.map((v) =>
      csvLine([
        v.name,
        text(t.fr, v, 'label'),
        text(t.en, v, 'label'),
        v.type,
        v.unit ?? '',
        v.codes ?? '',
        text(t.fr, v, 'derivation'),
        text(t.en, v, 'derivation'),
      ]),
    ),
  ].join('');
}

function readme(
  facts: ExtractFacts,
  written: Omit<WrittenExtract, 'counts' | 'detailedCounts' | 'sizeBytes'>,
  t: { fr: Translate; en: Translate },
): string {
  const files = Object.entries(written.checksums)
    .map(([file, sum]) => `  ${file}  sha256:${sum}`)
    .join('\n');
  const part = (tr: Translate, locale: 'fr' | 'en') =>
    [
      tr('reporting:research.readme.title', { program: facts.programName[locale] }),
      '',
      tr('reporting:research.readme.extract', { id: facts.extractId }),
      tr('reporting:research.readme.extracted_at', { date: facts.extractedAt }),
      tr('reporting:research.readme.requested_by', { name: facts.requestedBy }),
      tr('reporting:research.readme.approved_by', { name: facts.approvedBy }),
      tr('reporting:research.readme.purpose', { purpose: facts.purpose }),
      tr('reporting:research.readme.rows', { count: written.rowCount }),
      tr('reporting:research.readme.rules', {
        versions: Object.entries(facts.rulesVersions)
          .map(([rules, version]) => `${rules} ${version}`)
          .join(', '),
      }),
      tr('reporting:research.readme.generalisation', {
        levels: QUASI_IDENTIFIERS.map((q) => `${q}=${facts.generalisation[q]}`).join(', '),
      }),
      tr('reporting:research.readme.protection'),
      tr('reporting:research.readme.encoding'),
      written.xlsxIncluded
        ? tr('reporting:research.readme.xlsx')
        : tr('reporting:research.readme.xlsx_omitted', { max: XLSX_MAX_ROWS }),
      '',
      tr('reporting:research.readme.checksums'),
      files,
    ].join('\n');
  return `${part(t.fr, 'fr')}\n\n----------------------------------------\n\n${part(t.en, 'en')}\n`;
}

/**
 * Streams the businesses of `batches` into a zip delivered to `sink` in pieces of about a megabyte.
 * Counts the classes as it goes, for the k-anonymity check the caller makes before release.
 */
export async function writeResearchZip(options: {
  batches: AsyncIterable<Iterable<ResearchSource>>;
  variables: readonly ResearchVariable[];
  facts: ExtractFacts;
  t: { fr: Translate; en: Translate };
  sink: (chunk: Uint8Array) => Promise<void>;
}): Promise<WrittenExtract> {
  const { variables, facts, t } = options;
  const g = facts.generalisation;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let sizeBytes = 0;
  let failure: Error | null = null;
  const zipHash = createHash('sha256');
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    zipHash.update(data);
    pending.push(data);
    pendingBytes += data.length;
  });
  const drain = async (all: boolean) => {
    if (failure) throw failure;
    if (pendingBytes === 0 || (!all && pendingBytes < CHUNK_BYTES)) return;
    const chunk = new Uint8Array(pendingBytes);
    let offset = 0;
    for (const part of pending) {
      chunk.set(part, offset);
      offset += part.length;
    }
    pending = [];
    pendingBytes = 0;
    sizeBytes += chunk.length;
    await options.sink(chunk);
  };

  const pseudonym = pseudonymizer();
  const counts = new ClassCounter();
  const detailed = new ClassCounter();
  const header = variables.map((v) => v.name);
  let workbookRows: Value[][] | null = [];
  let rowCount = 0;
  const data = zipFile(zip, 'data.csv');
  const csv = new PieceWriter((bytes) => data.push(bytes));
  csv.write(csvLine(header));
  for await (const batch of options.batches) {
    for (const source of batch) {
      const quasi = quasiValuesOf(source);
      const released = generalise(quasi, g);
      counts.add(released);
      detailed.add(generalise(quasi, DETAILED));
      const id = pseudonym(source.applicationId);
      // Field by field into the piece: no array of values, no string of the row.
      for (let i = 0; i < variables.length; i++) {
        if (i > 0) csv.write(',');
        const value = releasedValue(variables[i]!, source, id, released);
        if (typeof value === 'number' && Number.isFinite(value)) csv.writeNumber(value);
        else csv.write(csvField(value));
      }
      csv.write('\r\n');
      rowCount++;
      if (workbookRows && rowCount <= XLSX_MAX_ROWS)
        workbookRows.push(releasedRow(source, id, variables, released));
      else workbookRows = null;
    }
    await drain(false);
  }
  csv.end();
  data.push(new Uint8Array(0), true);
  const checksums: Record<string, string> = { 'data.csv': data.digest() };

  if (workbookRows) {
    const workbook = await writeXlsxFile([header, ...workbookRows], { sheet: 'data' }).toBuffer();
    workbookRows = null;
    const xlsx = zipFile(zip, 'data.xlsx', false);
    xlsx.push(new Uint8Array(workbook), true);
    checksums['data.xlsx'] = xlsx.digest();
    await drain(false);
  }
  const dictionary = zipFile(zip, 'dictionary.csv');
  dictionary.push(encoder.encode(dictionaryCsv(variables, t)), true);
  checksums['dictionary.csv'] = dictionary.digest();

  const written = { rowCount, checksums, xlsxIncluded: checksums['data.xlsx'] !== undefined };
  const readmeFile = zipFile(zip, 'README.txt');
  readmeFile.push(encoder.encode(readme(facts, written, t)), true);
  zip.end();
  await drain(true);
  // The README lists the other files' checksums; the record keeps its own and the zip's too.
  const all = { ...checksums, 'README.txt': readmeFile.digest(), zip: zipHash.digest('hex') };
  return { ...written, checksums: all, counts: counts.counts, detailedCounts: detailed.counts, sizeBytes };
}
