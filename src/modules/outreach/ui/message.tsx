import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { regionName } from '../../../kernel/quebec.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { getMessage } from '../use-cases/get-message.ts';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const m = await getMessage(ctx, params.id ?? '');
  return {
    sent: new URL(request.url).searchParams.has('sent'),
    subject: ctx.locale === 'fr' ? m.subjectFr : m.subjectEn,
    body: ctx.locale === 'fr' ? m.bodyFr : m.bodyEn,
    kind: m.kind,
    status: m.status,
    created: formatDateTime(m.createdAt, ctx.locale),
    segment: {
      ...m.segment,
      regions: m.segment.regions?.map((r) => `${r} – ${regionName(r)}`),
    },
    progress: m.progress,
  };
});

const PROGRESS = ['recipients', 'queued', 'sent', 'failed', 'unsubscribed'] as const;

/** One message: what it said, to whom, and its sending's progress (reload to follow it). */
export default function Message() {
  const { t } = useTranslation('outreach');
  const { t: intake } = useTranslation('intake');
  const m = useLoaderData<typeof loader>();
  const title = t('ui.detail_title', { subject: m.subject });
  const criteria = [
    ['statuses', m.segment.statuses?.map((s) => intake(`ui.status.${s}`))],
    ['regions', m.segment.regions],
    ['subsectors', m.segment.subsectors],
    ['stages', m.segment.stages?.map((s) => t(`stages.${s}`))],
    [
      'workshops',
      m.segment.workshops && [
        m.segment.workshops.ids
          ? t('ui.workshops_chosen', { count: m.segment.workshops.ids.length })
          : t('ui.workshops_any'),
        t(m.segment.workshops.attended ? 'ui.workshops_attended' : 'ui.workshops_registered'),
      ],
    ],
  ].filter((c): c is [string, string[]] => Array.isArray(c[1]) && c[1].length > 0);
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/messages">{t('ui.back')}</Link>
      </p>
      {m.sent ? (
        <Notice kind="success">
          <p>{t('ui.sent_notice')}</p>
        </Notice>
      ) : null}
      <p>
        {t(`kinds.${m.kind}`)} — {m.created} — {t(`message_statuses.${m.status}`)}
      </p>
      <h2>{t('ui.progress_title')}</h2>
      <DataTable caption={t('ui.progress_caption')} columns={PROGRESS.map((p) => t(`ui.progress.${p}`))}>
        <tr>
          {PROGRESS.map((p) => (
            <td key={p}>{m.progress[p]}</td>
          ))}
        </tr>
      </DataTable>
      <h2>{t('ui.segment_title')}</h2>
      {criteria.length === 0 ? (
        <p>{t('ui.segment_all')}</p>
      ) : (
        <dl>
          {criteria.map(([name, values]) => (
            <div key={name}>
              <dt>{t(`fields.segment.${name}`)}</dt>
              <dd>{values.join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
      <h2>{m.subject}</h2>
      {m.body.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </div>
  );
}
