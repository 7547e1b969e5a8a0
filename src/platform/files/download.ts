import { attachmentDisposition } from './sniff.ts';

/**
 * A stored file as a download: always an attachment, of the type its content was sniffed as, in a
 * sandbox with no right to run anything even if a browser were to display it, never cached.
 */
export function fileDownload(file: {
  body: ReadableStream<Uint8Array>;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
}): Response {
  return new Response(file.body, {
    status: 200,
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    },
  });
}
