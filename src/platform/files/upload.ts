import { fieldError } from '../errors.ts';
import { checkFile, type FileMediaType, MAX_FILE_BYTES, safeFileName } from './sniff.ts';
import { type FileStore, fileTooLarge, type StagedFile } from './store.ts';

export type ReceivedFile = { staged: StagedFile; mediaType: FileMediaType; fileName: string };

/**
 * Takes an uploaded file into the store's staging area and checks it by content: a PDF, JPEG or PNG,
 * named accordingly, at most `maxBytes`. A refused file leaves nothing behind; an accepted one is kept
 * only when the caller calls `staged.keep()` (inside its transaction) and discarded otherwise.
 */
export async function receiveFile(
  store: FileStore,
  file: File | undefined,
  { field, maxBytes = MAX_FILE_BYTES }: { field: string; maxBytes?: number },
): Promise<ReceivedFile> {
  if (!file || file.size === 0) throw fieldError(field, 'common:validation.required');
  if (file.size > maxBytes) {
    throw fileTooLarge(field, maxBytes);
  }
  const staged = await store.stage(file.stream(), { maxBytes, field });
  const verdict = checkFile(staged.head, file.name);
  if (!verdict.ok) {
    await staged.discard();
    throw verdict.reason === 'extension_mismatch'
      ? fieldError(field, 'common:files.extension_mismatch', {
          content: verdict.content,
          extension: `.${verdict.extension}`,
        })
      : fieldError(field, 'common:files.unsupported_content');
  }
  return { staged, mediaType: verdict.mediaType, fileName: safeFileName(file.name, verdict.mediaType) };
}
