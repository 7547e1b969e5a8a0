import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The administrators' diagnostic pages, reachable from each other. */
export function DiagnosticAdminLinks({ here }: { here: 'versions' | 'recommendations' | 'other' }) {
  const { t } = useTranslation('diagnostic');
  const links = [
    { to: '/admin/program', key: 'program', label: t('admin.links.program') },
    { to: '/admin/diagnostic', key: 'versions', label: t('admin.links.versions') },
    {
      to: '/admin/diagnostic/recommendations',
      key: 'recommendations',
      label: t('admin.links.recommendations'),
    },
  ];
  return (
    <nav aria-label={t('admin.links.label')}>
      <ul className="actions admin-links">
        {links.map((l) => (
          <li key={l.key}>
            <Link to={l.to} aria-current={l.key === here ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A version's state in words (never colour alone): draft, in use, or published earlier. */
export function VersionState({ status, current }: { status: 'draft' | 'published'; current: boolean }) {
  const { t } = useTranslation('diagnostic');
  if (status === 'draft') return <span className="status-badge admin-draft">{t('admin.state.draft')}</span>;
  return (
    <span className={current ? 'status-badge admin-current' : 'status-badge'}>
      {current ? t('admin.state.current') : t('admin.state.published')}
    </span>
  );
}
