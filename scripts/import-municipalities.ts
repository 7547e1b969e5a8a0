// Converts the Québec government's municipalities list (MAMH "Répertoire des municipalités du Québec",
// CC BY 4.0) from CSV to the JSON the application loads. Run again when a newer snapshot is published:
//   node --experimental-strip-types scripts/import-municipalities.ts path/to/municipalities-qc.csv
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvRecords } from '../src/kernel/csv.ts';

const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: import-municipalities.ts <municipalities-qc.csv>\n');
  process.exit(2);
}

const { records: rows } = parseCsvRecords(readFileSync(source, 'utf8'));
const municipalities = rows.map((r) => ({
  code: r.code!,
  name: r.name!,
  designation: r.designation!,
  region: r.region_code!.padStart(2, '0'),
  mrc: r.mrc!,
  population: Number(r.population) || 0,
}));
const target = path.resolve(import.meta.dirname, '../src/kernel/data/municipalities.json');
writeFileSync(target, `${JSON.stringify(municipalities)}\n`);
process.stdout.write(
  `${municipalities.length} municipalities written to ${path.relative(process.cwd(), target)}\n`,
);
