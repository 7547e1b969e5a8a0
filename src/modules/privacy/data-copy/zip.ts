import { getTableColumns } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../../../kernel/csv.ts';
import { montrealIso } from '../../../kernel/format.ts';
import { LOCALES } from '../../../kernel/locale.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import type { PersonalDataSource } from '../../../platform/personal-data.ts';

/** One table's rows of the person's copy. */
export type DataCopyPart = { source: PersonalDataSource; rows: Record<string, unknown>[] };

/** A CSV cell: instants in ISO 8601 (UTC, as in the JSON), structures as their JSON. */
const cell = (value: unknown) =>
  value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
const jsonValue = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/** The columns a part gives, by SQL name, in the table's order. */
export const givenColumns = (source: PersonalDataSource) =>
  Object.values(getTableColumns(source.table))
    .map((c) => c.name)
    .filter((name) => !(name in (source.withheld ?? {})));

/** The dictionary in one language: what each file holds, its columns, and what is left out and why. */
function dictionary(parts: readonly DataCopyPart[], t: Translate, madeAt: Date): string {
  const lines = [t('privacy:data_copy.dictionary.title'), '', t('privacy:data_copy.dictionary.intro'), ''];
  lines.push(t('privacy:data_copy.dictionary.made_at', { at: montrealIso(madeAt) }), '');
  for (const { source, rows } of parts) {
    lines.push(`${source.name}.json, ${source.name}.csv — ${t(`privacy:data_copy.files.${source.name}`)}`);
    lines.push(`  ${t('privacy:data_copy.dictionary.rows', { count: rows.length })}`);
    lines.push(`  ${t('privacy:data_copy.dictionary.columns')} ${givenColumns(source).join(', ')}`);
    for (const [column, reason] of Object.entries(source.withheld ?? {}))
      lines.push(
        `  ${t('privacy:data_copy.dictionary.withheld', { column })} ${t(`privacy:data_copy.withheld.${reason}`)}`,
      );
    lines.push('');
  }
  return lines.join('\r\n');
}

/**
 * The person's copy as a zip: each table in JSON (the values as stored, structures kept) and in CSV
 * (RFC 4180, formulas neutralised), with a dictionary in French and in English.
 */
export function dataCopyZip(
  parts: readonly DataCopyPart[],
  translators: Record<(typeof LOCALES)[number], Translate>,
  madeAt: Date,
): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const { source, rows } of parts) {
    const columns = givenColumns(source);
    files[`${source.name}.json`] = strToU8(JSON.stringify(rows, jsonValue, 2));
    files[`${source.name}.csv`] = strToU8(
      toCsv(
        columns,
        rows.map((r) => columns.map((c) => cell(r[c]))),
      ),
    );
  }
  for (const locale of LOCALES)
    files[locale === 'fr' ? 'dictionnaire-fr.txt' : 'dictionary-en.txt'] = strToU8(
      dictionary(parts, translators[locale], madeAt),
    );
  return zipSync(files, { level: 6 });
}
