import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

type Where = { dataDir: string };

/**
 * Export jobs' files: `<data dir>/exports/<job id>.<format>`, outside the web root, served only through
 * the download use case. A file appears whole or not at all: written to a temporary name, flushed to
 * disk, then renamed.
 */
function fileOf(where: Where, name: string): string {
  if (!/^[0-9a-f-]{36}\.(csv|xlsx)$/.test(name)) throw new Error(`Not an export file name: ${name}`);
  return path.join(where.dataDir, 'exports', name);
}

export async function writeExportFile(
  where: Where,
  name: string,
  body: Uint8Array | string,
): Promise<number> {
  const file = fileOf(where, name);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  return bytes.byteLength;
}

export function readExportFile(where: Where, name: string): Promise<Buffer> {
  return readFile(fileOf(where, name));
}

export function removeExportFile(where: Where, name: string): Promise<void> {
  return rm(fileOf(where, name), { force: true });
}
