import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import { PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { OPEN_DATA_BREAKDOWNS } from '../domain/open-data.ts';
import { getOpenData } from '../use-cases/get-open-data.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const data = await getOpenData(ctx, params.slug ?? '');
  return {
    program: data.program,
    title: data.metadata.title[ctx.locale],
    description: data.metadata.description[ctx.locale],
    period: data.metadata.temporal,
    rulesVersion: data.metadata.disclosureRules.version,
    minCount: data.metadata.disclosureRules.minCount,
    rows: data.records.map((r) => ({
      breakdown: r.breakdown as string,
      code: r.category_code as string,
      label: (ctx.locale === 'fr' ? r.category_label_fr : r.category_label_en) as string,
      businesses: r.businesses === null ? null : formatNumber(r.businesses as number, ctx.locale),
      suppression: r.suppression as string,
    })),
  };
});

/** The program's open data: what the files hold, links to them, and the same figures as tables. */
export default function OpenData() {
  const { t } = useTranslation('reporting');
  const { program, title, description, period, rulesVersion, minCount, rows } =
    useLoaderData<typeof loader>();
  const base = `/open-data/${program.slug}`;
  return (
    <div className="reporting-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{description}</p>
      <p>{t('open_data.intro')}</p>
      <p>
        {t('open_data.period', { start: period.start, end: period.end })}{' '}
        {t('open_data.rules', { version: rulesVersion })}
      </p>
      <h2>{t('open_data.files')}</h2>
      <ul>
        <li>
          <a href={`${base}/aggregates.csv`}>{t('open_data.aggregates')}</a>
        </li>
        <li>
          <a href={`${base}/dictionary.csv`}>{t('open_data.dictionary')}</a>
        </li>
        <li>
          <a href={`${base}/metadata.json`}>{t('open_data.metadata')}</a>
        </li>
      </ul>
      {OPEN_DATA_BREAKDOWNS.map((breakdown) => {
        const caption = t('open_data.preview', { breakdown: t(`open_data.breakdowns.${breakdown}`) });
        return (
          <section key={breakdown} aria-labelledby={`preview-${breakdown}`}>
            <h2 id={`preview-${breakdown}`}>{caption}</h2>
            <TableWrap label={caption}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('open_data.col_category')}</th>
                    <th scope="col">{t('open_data.col_businesses')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows
                    .filter((r) => r.breakdown === breakdown)
                    .map((r) => (
                      <tr key={r.code}>
                        <th scope="row">{r.label}</th>
                        <td className="numeric">
                          {r.businesses ?? (
                            <>
                              {t('disclosure.suppressed')}{' '}
                              <span className="hint">
                                {t(`disclosure.reason.${r.suppression}`, { minCount })}
                              </span>
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
        );
      })}
    </div>
  );
}
