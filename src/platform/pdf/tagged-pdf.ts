import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../kernel/locale.ts';

// Fonts with the whole French repertoire (accents, « », œ), embedded in the file.
const fonts = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const REGULAR = path.join(fonts, 'DejaVuSans.ttf');
const BOLD = path.join(fonts, 'DejaVuSans-Bold.ttf');

export const PDF_COLOURS = { brand: '#0b4f8a', ink: '#1a1a1a', muted: '#4a4a4a', rule: '#9a9a9a' };

/**
 * A Letter-size document (portrait unless told; landscape for wide tables) tagged for assistive technology (headings, paragraphs and tables are marked
 * in its structure), with its title and language in the metadata and DejaVu fonts (`regular`, `bold`)
 * embedded. Call `finish()` once everything is written to get the bytes.
 */
export function taggedPdf(meta: {
  title: string;
  subject: string;
  keywords: string;
  locale: Locale;
  layout?: 'portrait' | 'landscape';
}) {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: meta.layout ?? 'portrait',
    margins: { top: 54, bottom: 54, left: 54, right: 54 },
    pdfVersion: '1.7',
    lang: meta.locale === 'fr' ? 'fr-CA' : 'en-CA',
    tagged: true,
    displayTitle: true,
    info: { Title: meta.title, Author: 'Virage', Subject: meta.subject, Keywords: meta.keywords },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  // pdfkit's tables put the font back by its file's path after every cell, and re-read the whole file
  // for a path missing from its cache (seconds for a page of tables): cache each font under its path too.
  const cache = (doc as unknown as { _fontFamilies: Record<string, unknown> })._fontFamilies;
  for (const [name, file] of [
    ['bold', BOLD],
    ['regular', REGULAR],
  ] as const) {
    doc.font(name);
    cache[file] = cache[name];
  }
  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 108;

  const heading = (text: string, level: 'H1' | 'H2' | 'H3', size: number) => {
    doc.moveDown(level === 'H1' ? 0 : 0.8);
    doc
      .font('bold')
      .fontSize(size)
      .fillColor(level === 'H1' ? PDF_COLOURS.brand : PDF_COLOURS.ink)
      .text(text, { width, structParent: root, structType: level });
    doc.moveDown(0.3);
  };
  const paragraph = (text: string, options: { muted?: boolean; size?: number } = {}) => {
    doc
      .font('regular')
      .fontSize(options.size ?? 10.5)
      .fillColor(options.muted ? PDF_COLOURS.muted : PDF_COLOURS.ink)
      .text(text, { width, structParent: root, structType: 'P' });
    doc.moveDown(0.4);
  };
  /** pdfkit's table, tagged as a table (its type definitions lag behind: no structParent). */
  const table = (options: Record<string, unknown>) => {
    (doc.table as unknown as (o: Record<string, unknown>) => unknown).call(doc, {
      structParent: root,
      ...options,
    });
    doc.x = doc.page.margins.left;
  };
  const finish = () => {
    root.end();
    doc.end();
    return done;
  };
  return { doc, root, width, heading, paragraph, table, finish };
}
