import { toCsv } from '../../../kernel/csv.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { OPEN_DATA_COLUMNS } from '../domain/open-data.ts';
import { getOpenData } from '../use-cases/get-open-data.ts';

/** UTF-8 with a byte-order mark, so spreadsheet programs read the accents right (Données Québec practice). */
const BOM = '\uFEFF';

function file(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `inline; filename="${filename}"`,
      // Public figures, recomputed on each request: caches may keep them an hour.
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    },
  });
}

/** `/open-data/{program}/aggregates.csv`, `dictionary.csv` and `metadata.json`: public, no sign-in. */
export const loader = pageLoader(async ({ ctx, params }) => {
  const name = params.file ?? '';
  if (!['aggregates.csv', 'dictionary.csv', 'metadata.json'].includes(name)) throw new AppError('not_found');
  const data = await getOpenData(ctx, params.slug ?? '');
  const prefix = `virage-${data.program.slug}`;
  if (name === 'metadata.json')
    return file(
      `${JSON.stringify(data.metadata, null, 2)}\n`,
      'application/json; charset=utf-8',
      `${prefix}-metadata.json`,
    );
  if (name === 'dictionary.csv') {
    const header = Object.keys(data.dictionary[0]!);
    return file(
      BOM +
        toCsv(
          header,
          data.dictionary.map((row) => Object.values(row)),
        ),
      'text/csv; charset=utf-8; header=present',
      `${prefix}-dictionary.csv`,
    );
  }
  return file(
    BOM +
      toCsv(
        [...OPEN_DATA_COLUMNS],
        data.records.map((r) => OPEN_DATA_COLUMNS.map((c) => r[c])),
      ),
    'text/csv; charset=utf-8; header=present',
    `${prefix}-aggregates.csv`,
  );
});
