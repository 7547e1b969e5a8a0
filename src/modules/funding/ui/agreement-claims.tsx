import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate, formatMoney } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { createClaim } from '../use-cases/create-claim.ts';
import { listClaims } from '../use-cases/list-claims.ts';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const cursor = new URL(request.url).searchParams.get('cursor');
  const page = await listClaims(ctx, { agreementId: params.id!, ...(cursor ? { cursor } : {}) });
  return {
    canCreate: ctx.actor.kind === 'user' && ctx.actor.role === 'retailer',
    next: page.nextCursor ? new URLSearchParams({ cursor: page.nextCursor }).toString() : null,
    items: page.items.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      claimable: c.claimableCents === null ? '—' : formatMoney(c.claimableCents, ctx.locale, true),
      submittedOn: c.submittedAt ? formatDate(c.submittedAt) : '—',
    })),
  };
});

export const action = formAction(async ({ ctx, params }) => {
  const claim = await createClaim(ctx, { agreementId: params.id! });
  return redirect(`/claims/${claim.id}`);
});

/** The claims of one agreement: the retailer starts a new one here. */
export default function AgreementClaims() {
  const { t } = useTranslation('funding');
  const { items, next, canCreate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  return (
    <div>
      <PageTitle title={t('claims.agreement_claims')}>{t('claims.agreement_claims')}</PageTitle>
      <p>{t('claims.agreement_claims_intro')}</p>
      <ErrorSummary error={failed?.error} />
      {canCreate ? (
        <PostForm>
          <SubmitButton>{t('claims.new_claim')}</SubmitButton>
        </PostForm>
      ) : null}
      {items.length === 0 ? (
        <p>{t('claims.none')}</p>
      ) : (
        <DataTable
          caption={t('claims.agreement_claims')}
          className="stacked"
          columns={[t('claims.number'), t('claims.status'), t('claims.claimable'), t('claims.submitted_on')]}
          next={next}
          nextLabel={t('claims.next_page')}
        >
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row" data-label={t('claims.number')}>
                <Link to={`/claims/${c.id}`}>{t('claims.claim_title', { number: c.number })}</Link>
              </th>
              <td data-label={t('claims.status')}>{t(`claimStatuses.${c.status}`)}</td>
              <td data-label={t('claims.claimable')} className="numeric">
                {c.claimable}
              </td>
              <td data-label={t('claims.submitted_on')} className="date">
                {c.submittedOn}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
