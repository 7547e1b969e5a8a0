// What a file is, told by its first bytes (never by its name), and the name it may be saved under.
// Pure: the store and the upload check build on it.

/** The kinds of file Virage accepts, with the extensions a name of that kind may end in. */
export const FILE_KINDS = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
} as const;
export type FileMediaType = keyof typeof FILE_KINDS;
export const FILE_MEDIA_TYPES = Object.keys(FILE_KINDS) as FileMediaType[];

/** The most an uploaded file may weigh: 10 MiB, the issue's « up to 10 MB ». */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How many first bytes the sniffing needs (the PNG signature is the longest). */
export const SNIFF_BYTES = 8;

const SIGNATURES: [FileMediaType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The accepted kind whose signature the content starts with; anything else (an executable…) is none. */
export function sniffMediaType(head: Uint8Array): FileMediaType | undefined {
  return SIGNATURES.find(([, signature]) => signature.every((byte, i) => head[i] === byte))?.[0];
}

/** The extension of a name as typed (lower case, without the dot), or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export type FileVerdict =
  | { ok: true; mediaType: FileMediaType }
  | { ok: false; reason: 'unsupported_content' }
  /** The content is an accepted kind, but the name says another: refused, since the person chose the wrong file or mislabelled it. */
  | { ok: false; reason: 'extension_mismatch'; content: string; extension: string };

/**
 * Whether a file may be accepted: its content must be a PDF, JPEG or PNG, and the extension of its name,
 * if it has one, must say the same (a PDF named `.png` is refused, naming what it really is).
 */
export function checkFile(head: Uint8Array, fileName: string): FileVerdict {
  const mediaType = sniffMediaType(head);
  if (!mediaType) return { ok: false, reason: 'unsupported_content' };
  const extension = extensionOf(fileName);
  const expected: readonly string[] = FILE_KINDS[mediaType].extensions;
  if (extension && !expected.includes(extension)) {
    return { ok: false, reason: 'extension_mismatch', content: FILE_KINDS[mediaType].label, extension };
  }
  return { ok: true, mediaType };
}

/** The last segment of a path, whichever separator the sender's system uses. */
function baseName(fileName: string): string {
  return fileName.split(/[/\\]/).pop() ?? '';
}

const MAX_NAME_LENGTH = 120;

/**
 * A name safe to keep and to offer in a download: no folders, no control or reserved characters, not
 * hidden, at most 120 characters, ending in the extension of its content.
 */
export function safeFileName(fileName: string, mediaType: FileMediaType): string {
  const cleaned = baseName(fileName.normalize('NFC'))
    .replace(/[\p{Cc}\p{Cf}\p{Cs}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const extension = extensionOf(cleaned);
  const stem = extension ? cleaned.slice(0, -(extension.length + 1)) : cleaned;
  const wanted = FILE_KINDS[mediaType].extensions.includes(extension as never)
    ? extension
    : FILE_KINDS[mediaType].extensions[0];
  const room = MAX_NAME_LENGTH - wanted.length - 1;
  const shortened = [...stem].slice(0, room).join('').trim();
  return `${shortened || 'document'}.${wanted}`;
}

/**
 * `Content-Disposition` of a download: always an attachment (never shown inline on Virage's origin),
 * the name in UTF-8 (RFC 8187) with a plain ASCII fallback for old clients.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
