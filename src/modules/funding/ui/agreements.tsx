import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { formatMoney } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { SelectField, SubmitButton } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery, selectProgram } from '../../programs/index.ts';
import { AGREEMENT_STATUSES } from '../domain/agreement-status.ts';
import { listAgreements } from '../use-cases/list-agreements.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  const program = await selectProgram(ctx, search.get('program'));
  const status = AGREEMENT_STATUSES.find((s) => s === search.get('status')) ?? '';
  const rows = await listAgreements(ctx, { programId: program.id, ...(status ? { status } : {}) });
  return {
    slug: program.slug,
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
      <p>
        <Link to={`/admin/aid-rules${data.query}`}>{t('agreements.pages.rules.title')}</Link>
      </p>
    </div>
  );
}
