import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ImportProblem, importRegistryExtract } from '../../modules/registry/index.ts';
import { systemCtx } from '../../wiring/services.ts';
import { type Command, UsageError } from '../command.ts';

export const registryImport: Command = {
  name: 'registry import',
  summary:
    'Import the Registraire des entreprises’ open-data zip: loaded beside the current extract, made current only when whole; the same file again changes nothing',
  options: {
    file: { type: 'string', description: 'the zip downloaded from Données Québec', required: true },
    date: { type: 'string', description: 'the extract’s date (YYYY-MM-DD), if not the archive’s own' },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const file = String(args.file);
    const bytes = await readFile(file).catch(() => {
      throw new UsageError(`Cannot read ${file}`);
    });
    const ctx = systemCtx(services!, 'virage registry import');
    let shown = 0;
    const { extract, unchanged } = await importRegistryExtract(
      ctx,
      { bytes, fileName: path.basename(file), fields: { fileDate: args.date } },
      {
        wait: true,
        onProgress: (rows) => {
          if (rows - shown < 100_000) return;
          shown = rows;
          io.out(`${rows} rows read`);
        },
      },
    );
    if (unchanged) {
      io.out(`Unchanged: this file (sha256 ${extract.checksum}) is already extract ${extract.id}`);
      return 0;
    }
    const said = (p: ImportProblem) =>
      [p.kind, 'file' in p ? p.file : '', 'column' in p ? p.column : ''].filter(Boolean).join(' ');
    if (extract.status !== 'current') {
      io.err(
        `Import ${extract.id} failed (${extract.failure ? said(extract.failure) : extract.status}); the previous extract stays current`,
      );
      return 1;
    }
    io.out(
      `Extract ${extract.id} is current (file date ${extract.fileDate ?? 'unknown'}, sha256 ${extract.checksum})`,
    );
    for (const [name, count] of Object.entries(extract.rowCounts))
      io.out(`${name.padEnd(32)} ${count.loaded} loaded, ${count.rejected} rejected`);
    for (const w of extract.warnings) io.out(`warning: ${said(w)}`);
    return 0;
  },
};
