import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { formatMoney } from '../../../kernel/format.ts';
import { allowedBy } from '../../../platform/authorization.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ExportLinks } from '../../../platform/ui/exports.tsx';
import { SelectField, SubmitButton } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery } from '../../programs/index.ts';
import { AGREEMENT_STATUSES } from '../domain/agreement-status.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { listAgreements } from '../use-cases/list-agreements.ts';
import { agreementsQuery } from './funding-list-filters.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { program, status, query } = await agreementsQuery(ctx, search);
  const rows = await listAgreements(ctx, query);
  return {
    slug: program.slug,
    exportSearch: `?${new URLSearchParams({ program: program.slug, ...(status ? { status } : {}) })}`,
    canExport: allowedBy(fundingPolicies)(ctx.actor, 'funding.export'),
    query: programQuery(program.slug),
    programName: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
    status,
    agreements: rows.map((r) => ({
      id: r.id,
      businessName: r.businessName,
      status: r.status,
      fiscalYear: r.fiscalYear,
      grant: r.grantCents === null ? '—' : formatMoney(r.grantCents, ctx.locale, true),
      acceptBy: r.acceptBy ?? '—',
    })),
  };
});

/** A program's grant agreements for its team and finance, filtered by status. */
export default function AgreementsPage() {
  const { t } = useTranslation('funding');
  const data = useLoaderData<typeof loader>();
  const columns = [
    t('agreements.pages.list.business'),
    t('agreements.pages.status'),
    t('fields.fiscalYear'),
    t('agreements.pages.grant'),
    t('fields.acceptBy'),
  ];
  return (
    <div>
      <PageTitle title={t('agreements.pages.list.title')}>{t('agreements.pages.list.title')}</PageTitle>
      <p>{t('agreements.pages.list.intro', { program: data.programName })}</p>
      <Form method="get" className="filters" role="search" aria-label={t('agreements.pages.list.filters')}>
        <input type="hidden" name="program" value={data.slug} />
        <SelectField
          name="status"
          label={t('agreements.pages.status')}
          defaultValue={data.status}
          options={[
            { value: '', label: t('agreements.pages.list.all') },
            ...AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreementStatuses.${s}`) })),
          ]}
        />
        <div className="field">
          <SubmitButton variant="secondary">{t('agreements.pages.list.filter')}</SubmitButton>
        </div>
      </Form>
      {data.agreements.length === 0 ? (
        <p>{t('agreements.pages.list.none')}</p>
      ) : (
        <DataTable caption={t('agreements.pages.list.title')} className="stacked" columns={columns}>
          {data.agreements.map((a) => (
            <tr key={a.id}>
              <th scope="row" data-label={columns[0]}>
                <Link to={`/agreements/${a.id}`}>{a.businessName || '—'}</Link>
              </th>
              <td data-label={columns[1]}>{t(`agreementStatuses.${a.status}`)}</td>
              <td data-label={columns[2]}>{a.fiscalYear}</td>
              <td data-label={columns[3]} className="numeric">
                {a.grant}
              </td>
              <td data-label={columns[4]}>{a.acceptBy}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {data.canExport ? <ExportLinks page="/admin/agreements" search={data.exportSearch} /> : null}
      <p>
        <Link to={`/admin/aid-rules${data.query}`}>{t('agreements.pages.rules.title')}</Link>
      </p>
    </div>
  );
}
