import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../platform/ui/data-table.tsx';

/** One row of T0 → T1 gains, already formatted: a dimension (or overall), its pairs, its estimate. */
export type GainRow = {
  measure: string;
  label: string | null;
  pairs: string;
  estimate: { meanGain: string; interval: string; improved: string } | null | undefined;
};

/** The maturity gains with their 95 % interval, as the dashboard and the ministry's indicators show them. */
export function GainsTable({ caption, rows }: { caption: string; rows: readonly GainRow[] }) {
  const { t } = useTranslation('reporting');
  return (
    <DataTable
      caption={caption}
      columns={[
        t('dashboard.measure'),
        t('dashboard.pairs'),
        t('dashboard.mean_gain'),
        t('dashboard.interval'),
        t('dashboard.improved'),
      ]}
    >
      {rows.map((m) => (
        <tr key={m.measure}>
          <th scope="row">{m.label ?? t('dashboard.overall')}</th>
          <td className="numeric">{m.pairs}</td>
          {m.estimate ? (
            <>
              <td className="numeric">{m.estimate.meanGain}</td>
              <td className="numeric">{m.estimate.interval}</td>
              <td className="numeric">{m.estimate.improved}</td>
            </>
          ) : (
            <td colSpan={3}>{t('dashboard.no_estimate')}</td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
