import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../exports/table.ts';

/**
 * The list's exports, next to it: `<page>/export.csv` and `.xlsx` with the page's own query, so the file
 * holds what the filters show. Plain links without `download`: the file comes as an attachment, and a
 * list too long for that leads to « Mes exportations » (which a `download` link would save as a file).
 */
export function ExportLinks({ page, search }: { page: string; search: string }) {
  const { t } = useTranslation('app');
  return (
    <nav className="actions exports" aria-label={t('exports.label')}>
      {EXPORT_FORMATS.map((format) => (
        <a key={format} href={`${page}/export.${format}${search}`}>
          {t(`exports.${format}`)}
        </a>
      ))}
    </nav>
  );
}
