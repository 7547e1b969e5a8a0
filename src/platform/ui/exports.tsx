import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../exports/table.ts';

/**
 * The list's exports, next to it: `<page>/export.csv` and `.xlsx` with the page's own query, so the file
 * holds what the filters show. Plain links: a download is no page of the application.
 */
export function ExportLinks({ page, search }: { page: string; search: string }) {
  const { t } = useTranslation('app');
  return (
    <nav className="actions exports" aria-label={t('exports.label')}>
      {EXPORT_FORMATS.map((format) => (
        <a key={format} href={`${page}/export.${format}${search}`} download>
          {t(`exports.${format}`)}
        </a>
      ))}
    </nav>
  );
}
