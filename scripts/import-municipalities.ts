// Converts the Québec government's municipalities list (MAMH "Répertoire des municipalités du Québec",
// CC BY 4.0) from CSV to the JSON the application loads. Run again when a newer snapshot is published:
//   node --experimental-strip-types scripts/import-municipalities.ts path/to/municipalities-qc.csv
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: import-municipalities.ts <municipalities-qc.csv>\n');
  process.exit(2);
}

/** One RFC 4180 line: quoted fields may contain commas and doubled quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

const [header, ...lines] = readFileSync(source, 'utf8').trim().split(/\r?\n/);
const names = fields(header!);
const rows = lines.map((line) => Object.fromEntries(fields(line).map((value, i) => [names[i], value])));
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
process.stdout.write(`${municipalities.length} municipalities written to ${path.relative(process.cwd(), target)}\n`);
