import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDateTime, formatMoney } from '../../../kernel/format.ts';
import { allowedBy } from '../../../platform/authorization.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { sourceOf } from '../domain/ledger-source.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { getBusinessLedger } from '../use-cases/get-business-ledger.ts';
import { listLedger } from '../use-cases/list-ledger.ts';

const STATES = ['committed', 'payable', 'paid', 'recovered', 'released'] as const;

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const id = params.id ?? '';
  const ledger = await getBusinessLedger(ctx, id);
  const cursor = new URL(request.url).searchParams.get('cursor');
  const page = await listLedger(ctx, { applicationId: id, ...(cursor ? { cursor } : {}) });
  const can = allowedBy(fundingPolicies);
  // Batches and recoveries are finance's pages: the team reads what an entry came from without a link.
  const pays = can(ctx.actor, 'payment_batch.manage');
  const hrefOf = (source: ReturnType<typeof sourceOf>) => {
    switch (source?.kind) {
      case 'agreement':
        return `/agreements/${source.ref}`;
      case 'claim':
        return `/review/claims/${source.ref}`;
      case 'batch':
        return pays ? `/finance/batches/${source.ref}` : null;
      case 'recovery':
        return pays ? `/finance/files/${id}` : null;
      default:
        return null;
    }
  };
  const money = (cents: number) => formatMoney(cents, ctx.locale, true);
  const figures = (f: Record<(typeof STATES)[number], number>) =>
    Object.fromEntries(STATES.map((s) => [s, money(f[s])])) as Record<(typeof STATES)[number], string>;
  return {
    id,
    businessName: ledger.businessName,
    financeFile: can(ctx.actor, 'bank_account.verify'),
    agreements: ledger.agreements.map((a) => ({
      ...a,
      grant: a.grantCents === null ? '—' : money(a.grantCents),
    })),
    positions: ledger.positions.map((p) => ({
      key: `${p.envelopeId}-${p.fiscalYear}`,
      envelope: p.envelopeName,
      fiscalYear: p.fiscalYear,
      money: figures(p),
    })),
    totals: figures(ledger.totals),
    entries: page.items.map((e) => {
      const source = sourceOf(e.source);
      return {
        id: e.id,
        at: formatDateTime(e.createdAt, ctx.locale),
        kind: e.kind,
        from: e.from,
        to: e.to,
        amount: money(e.amountCents),
        envelope: e.envelopeName,
        fiscalYear: e.fiscalYear,
        actorName: e.actorName,
        source: source && { kind: source.kind, ref: source.ref, href: hrefOf(source) },
      };
    }),
    next: page.nextCursor ? new URLSearchParams({ cursor: page.nextCursor }).toString() : null,
  };
});

/** One business's money for the team and finance: its agreements, balances by state, and every ledger entry. */
export default function BusinessLedgerPage() {
  const { t } = useTranslation('funding');
  const data = useLoaderData<typeof loader>();
  const title = t('ledger.title', { business: data.businessName || '—' });
  const columns = [
    t('ledger.date'),
    t('ledger.kind'),
    t('ledger.move'),
    t('ledger.amount'),
    t('fields.envelope'),
    t('ledger.who'),
    t('ledger.linked'),
  ];
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('ledger.intro')}</p>
      {data.financeFile ? (
        <p>
          <Link to={`/finance/files/${data.id}`}>{t('ledger.finance_file')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="ledger-agreements">
        <h2 id="ledger-agreements">{t('ledger.agreements')}</h2>
        {data.agreements.length === 0 ? (
          <p>{t('ledger.no_agreement')}</p>
        ) : (
          <ul className="bullets">
            {data.agreements.map((a) => (
              <li key={a.id}>
                <Link to={`/agreements/${a.id}`}>
                  {t('ledger.agreement', {
                    fiscalYear: a.fiscalYear,
                    status: t(`agreementStatuses.${a.status}`),
                    grant: a.grant,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ledger-balances">
        <h2 id="ledger-balances">{t('ledger.balances')}</h2>
        {data.positions.length === 0 ? (
          <p>{t('ledger.no_entry')}</p>
        ) : (
          <TableWrap label={t('ledger.balances')}>
            <table className="data stacked">
              <caption className="sr-only">{t('ledger.balances')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.envelope')}</th>
                  <th scope="col">{t('fields.fiscalYear')}</th>
                  {STATES.map((s) => (
                    <th scope="col" key={s} className="numeric">
                      {t(`accounts.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.positions.map((p) => (
                  <tr key={p.key}>
                    <th scope="row" data-label={t('fields.envelope')}>
                      {p.envelope}
                    </th>
                    <td data-label={t('fields.fiscalYear')}>{p.fiscalYear}</td>
                    {STATES.map((s) => (
                      <td key={s} data-label={t(`accounts.${s}`)} className="numeric">
                        {p.money[s]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('ledger.total')}
                  </th>
                  {STATES.map((s) => (
                    <td key={s} data-label={t(`accounts.${s}`)} className="numeric">
                      {data.totals[s]}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="ledger-entries">
        <h2 id="ledger-entries">{t('ledger.entries')}</h2>
        {data.entries.length === 0 ? (
          <p>{t('ledger.no_entry')}</p>
        ) : (
          <DataTable
            caption={t('ledger.entries')}
            className="stacked"
            columns={columns}
            next={data.next}
            nextLabel={t('ledger.next_page')}
          >
            {data.entries.map((e) => (
              <tr key={e.id}>
                <th scope="row" data-label={columns[0]} className="date">
                  {e.at}
                </th>
                <td data-label={columns[1]}>{t(`ledger.kinds.${e.kind}`)}</td>
                <td data-label={columns[2]}>
                  {t('ledger.from_to', { from: t(`accounts.${e.from}`), to: t(`accounts.${e.to}`) })}
                </td>
                <td data-label={columns[3]} className="numeric">
                  {e.amount}
                </td>
                <td data-label={columns[4]}>
                  {e.envelope} {e.fiscalYear}
                </td>
                <td data-label={columns[5]}>{e.actorName ?? t('ledger.system')}</td>
                <td data-label={columns[6]}>
                  {e.source ? (
                    e.source.href ? (
                      <Link to={e.source.href}>
                        {t(`ledger.sources.${e.source.kind}`, { ref: e.source.ref })}
                      </Link>
                    ) : (
                      t(`ledger.sources.${e.source.kind}`, { ref: e.source.ref })
                    )
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
