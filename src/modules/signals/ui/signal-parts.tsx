import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { Notice } from '../../../platform/ui/page.tsx';
import type { SignalView } from '../use-cases/signal-view.ts';

/** A signal as a page shows it: dates in the reader's words, ready to serialise. */
export function signalCard(view: SignalView, locale: Locale) {
  return {
    id: view.id,
    kind: view.kind,
    status: view.status,
    explanation: view.explanation,
    files: view.files,
    raisedAt: formatDateTime(view.raisedAt, locale),
    resolution: view.resolution && {
      ...view.resolution,
      resolvedAt: formatDateTime(view.resolution.resolvedAt, locale),
    },
  };
}
export type SignalCard = ReturnType<typeof signalCard>;

/** The files a signal concerns, each a link to its review page. */
export function SignalFiles({ files }: { files: SignalCard['files'] }) {
  const { t } = useTranslation('signals');
  return (
    <ul className="bullets link-list">
      {files.map((f) => (
        <li key={f.claimId ?? f.applicationId}>
          {f.claimId ? (
            <Link to={`/review/claims/${f.claimId}`}>
              {t('page.claim_file', { business: f.businessName ?? '—', number: f.claimNumber })}
            </Link>
          ) : (
            <Link to={`/review/applications/${f.applicationId}`}>{f.businessName ?? '—'}</Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The open signals about a file, at the top of its review page (application or claim): each in words,
 * with the other files and a link to decide on it. Nothing when there are none, or for a reader who may
 * not see signals.
 */
export function OpenSignals({ signals }: { signals: SignalCard[] }) {
  const { t } = useTranslation('signals');
  if (signals.length === 0) return null;
  return (
    <Notice kind="warning">
      <section aria-labelledby="open-signals-title">
        <h2 id="open-signals-title">{t('panel.title', { count: signals.length })}</h2>
        <p>{t('panel.intro')}</p>
        <ul className="bullets">
          {signals.map((s) => (
            <li key={s.id}>
              {s.explanation} <Link to={`/signals/${s.id}`}>{t('page.resolve')}</Link>
              <SignalFiles files={s.files} />
            </li>
          ))}
        </ul>
      </section>
    </Notice>
  );
}
