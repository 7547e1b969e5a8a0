import { describe, expect, it } from 'vitest';
import { attachmentDisposition, checkFile, extensionOf, safeFileName, sniffMediaType } from './sniff.ts';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v)] : [v])));
const PDF = bytes('%PDF-1.4\n');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0);
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a);

describe('sniffing a file by its content', () => {
  it('knows a PDF, a JPEG and a PNG by their first bytes', () => {
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(PNG)).toBe('image/png');
  });

  it('knows nothing else: an executable, a script, a truncated signature, an empty file', () => {
    expect(sniffMediaType(bytes('MZ', 0x90, 0))).toBeUndefined();
    expect(sniffMediaType(bytes('<script>'))).toBeUndefined();
    expect(sniffMediaType(bytes('%PDF'))).toBeUndefined();
    expect(sniffMediaType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a))).toBeUndefined();
    expect(sniffMediaType(new Uint8Array())).toBeUndefined();
  });

  it('accepts a name that agrees with the content, in any case, or that has no extension', () => {
    expect(checkFile(PDF, 'facture.PDF')).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkFile(JPEG, 'reçu.jpeg')).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(checkFile(JPEG, 'IMG_0001.JPG')).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(checkFile(PNG, 'capture')).toEqual({ ok: true, mediaType: 'image/png' });
  });

  it('refuses content of another kind whatever the name, and a real PDF named as an image', () => {
    expect(checkFile(bytes('MZ', 0x90, 0), 'invoice.pdf')).toEqual({
      ok: false,
      reason: 'unsupported_content',
    });
    expect(checkFile(PDF, 'facture.png')).toEqual({
      ok: false,
      reason: 'extension_mismatch',
      content: 'PDF',
      extension: 'png',
    });
    expect(checkFile(PNG, 'photo.exe')).toMatchObject({ ok: false, reason: 'extension_mismatch' });
  });

  it('reads the extension of the last path segment only', () => {
    expect(extensionOf('C:\\Users\\zoé\\factures.2027\\janvier')).toBe('');
    expect(extensionOf('/tmp/a.b/facture.Pdf')).toBe('pdf');
    expect(extensionOf('.bashrc')).toBe('');
  });
});

describe('the name a file is kept and offered under', () => {
  it('drops folders, control and reserved characters, and ends in its content’s extension', () => {
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\docs\\Facture «été» n°3.pdf', 'application/pdf')).toBe('Facture «été» n°3.pdf');
    expect(safeFileName('re\u0000çu\u202e<gpj>.jpg', 'image/jpeg')).toBe('reçugpj.jpg');
    expect(safeFileName('photo', 'image/png')).toBe('photo.png');
    expect(safeFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(safeFileName('...', 'application/pdf')).toBe('document.pdf');
  });

  it('is at most 120 characters, extension included', () => {
    const name = safeFileName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('is offered as an attachment, in UTF-8 with a plain fallback', () => {
    expect(attachmentDisposition('Reçu «mars» (1).pdf')).toBe(
      `attachment; filename="Recu _mars_ (1).pdf"; filename*=UTF-8''Re%C3%A7u%20%C2%ABmars%C2%BB%20%281%29.pdf`,
    );
    expect(attachmentDisposition('a"b\\c%.pdf')).toBe(
      `attachment; filename="a_b_c_.pdf"; filename*=UTF-8''a%22b%5Cc%25.pdf`,
    );
  });
});
