import type { Translate } from '../i18n/i18n.ts';

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Renders a message from its i18n entry `<ns>:mail.<name>` = { subject, paragraphs[], action? } in the
 * translator's language, as plain text and as simple accessible HTML. The footer says whom to write to
 * (`contactEmail`): no message is a dead end.
 */
export function renderMail(
  t: Translate,
  template: string,
  params: Record<string, unknown>,
  actionUrl?: string,
): RenderedMail {
  const lang = t('common:mail.lang');
  const subject = t(`${template}.subject`, params);
  const paragraphs = t(`${template}.paragraphs`, { ...params, returnObjects: true }) as unknown as string[];
  const actionLabel = actionUrl ? t(`${template}.action`, params) : undefined;
  const footer = t('common:mail.footer', { ...params, returnObjects: true }) as unknown as string[];

  const text = [
    ...paragraphs,
    ...(actionUrl ? [`${actionLabel} : ${actionUrl}`.replace(' :', lang === 'fr' ? ' :' : ':')] : []),
    '--',
    ...footer,
  ].join('\n\n');

  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">${paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')}${
    actionUrl
      ? `<p><a href="${escapeHtml(actionUrl)}" style="display:inline-block;padding:.6em 1.2em;background:#0b4f8a;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(actionLabel!)}</a></p><p style="font-size:.9em">${escapeHtml(actionUrl)}</p>`
      : ''
  }<hr>${footer.map((p) => `<p style="font-size:.85em;color:#444">${escapeHtml(p)}</p>`).join('')}</body></html>`;

  return { subject, text, html };
}
