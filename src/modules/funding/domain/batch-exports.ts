/** The files a payment batch is exported as: the bank's ISO 20022 transfer file, and two for people. */
export const EXPORT_FORMATS = ['pain.001', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
