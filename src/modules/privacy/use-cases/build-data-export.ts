import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { LOCALES } from '../../../kernel/locale.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { readPersonalData } from '../../../platform/personal-data.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { contactOf } from '../../identity/index.ts';
import { applicationIdsOf } from '../../intake/index.ts';
import { dataCopyZip } from '../data-copy/zip.ts';
import { dataExports } from '../db/data-export-tables.ts';
import { findDataExport } from '../db/data-exports.ts';
import { PERSONAL_DATA_SOURCES } from '../db/personal-data-sources.ts';
import { DATA_EXPORT_VALID_DAYS } from '../domain/data-export.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Builds a queued copy (the job): every module's rows about the person and their businesses, read one
 * table at a time (short reads, PGlite stalls behind long ones), zipped, stored with its SHA-256, and
 * the person e-mailed the link, in their language. A copy already built is left as it is.
 */
export async function buildDataExport(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, 'data_export.build');
  const found = await findDataExport(ctx.db, id);
  if (found?.status !== 'queued') return;
  const subject = { userId: found.userId, applicationIds: await applicationIdsOf(ctx.db, found.userId) };
  const parts = [];
  for (const source of PERSONAL_DATA_SOURCES)
    parts.push({ source, rows: await readPersonalData(ctx.db, source, subject) });
  const translators = Object.fromEntries(
    LOCALES.map((locale) => [locale, translatorFor(ctx.services.i18n, locale)]),
  ) as Record<(typeof LOCALES)[number], ReturnType<typeof translatorFor>>;
  const zip = dataCopyZip(parts, translators, ctx.now());
  const sha256 = createHash('sha256').update(zip).digest('hex');
  const expiresAt = new Date(ctx.now().getTime() + DATA_EXPORT_VALID_DAYS * DAY_MS);
  await transaction(ctx, async (tx) => {
    await tx
      .update(dataExports)
      .set({
        status: 'ready',
        readyAt: ctx.now(),
        expiresAt,
        content: zip,
        sizeBytes: zip.byteLength,
        sha256,
      })
      .where(eq(dataExports.id, id));
    await appendAudit(tx, ctx, {
      action: 'data_export.ready',
      entityType: 'user',
      entityId: found.userId,
      changes: { exportId: id, sha256, tables: parts.length },
    });
    const person = await contactOf(tx, found.userId);
    if (person)
      await queueMail(tx, ctx, {
        to: person.email,
        locale: person.locale,
        template: 'privacy:mail.data_export_ready',
        params: { name: person.name, days: DATA_EXPORT_VALID_DAYS },
        actionUrl: `${ctx.services.config.publicUrl}/account/privacy#data-copy`,
      });
  });
}
