import { useTranslation } from 'react-i18next';
import { Link, redirect, useLoaderData } from 'react-router';
import { formatDate, formatDateTime } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { changeMyConsent } from '../../intake/index.ts';
import { DATA_EXPORT_VALID_DAYS } from '../domain/data-export.ts';
import { getMyPrivacy } from '../use-cases/get-my-privacy.ts';
import { requestDataExport } from '../use-cases/request-data-export.ts';

const HOLDINGS = ['account', 'participation', 'research', 'surveys', 'publication', 'newsletter'] as const;

export const loader = pageLoader(async ({ ctx, request }) => {
  const { businesses, copies } = await getMyPrivacy(ctx);
  const query = new URL(request.url).searchParams;
  const date = (at: Date | null) => (at ? formatDate(at, ctx.locale) : null);
  const shown = businesses.map((b) => ({
    ...b,
    consents: b.consents.map((c) => ({ ...c, givenAt: date(c.givenAt), withdrawnAt: date(c.withdrawnAt) })),
  }));
  // The confirmation step of a withdrawal: the consent must be one the person has given.
  const asked = shown.find((b) => b.applicationId === query.get('application'));
  const toWithdraw = asked?.consents.find((c) => c.purpose === query.get('withdraw') && c.state === 'given');
  return {
    businesses: shown,
    confirm: asked && toWithdraw ? { business: asked, purpose: toWithdraw.purpose } : null,
    done: query.get('done') === 'withdrawn' || query.get('done') === 'given' ? query.get('done') : null,
    donePurpose: query.get('purpose'),
    requested: query.has('requested'),
    copies: copies.map((c) => ({
      id: c.id,
      status: c.status,
      askedAt: formatDateTime(c.requestedAt, ctx.locale),
      readyOn: date(c.readyAt),
      until: date(c.expiresAt),
      sizeKb: c.sizeBytes === null ? null : Math.max(1, Math.round(c.sizeBytes / 1024)),
    })),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  switch (form.intent) {
    case 'withdraw':
    case 'give': {
      const granted = form.intent === 'give';
      await changeMyConsent(ctx, { purpose: form.purpose, applicationId: form.applicationId }, granted);
      return redirect(
        `/account/privacy?done=${granted ? 'given' : 'withdrawn'}&purpose=${encodeURIComponent(form.purpose ?? '')}#consents`,
      );
    }
    case 'export':
      await requestDataExport(ctx);
      return redirect('/account/privacy?requested#data-copy');
    default:
      throw new AppError('bad_request');
  }
});

/** `/account/privacy`: what Virage keeps about me, my consents (withdrawn after a confirmation step), my data. */
export default function MyPrivacy() {
  const { t } = useTranslation('privacy');
  const { businesses, confirm, done, donePurpose, requested, copies } = useLoaderData<typeof loader>();
  const nameOf = (b: { businessName: string | null }) => b.businessName ?? t('account.unnamed_business');
  return (
    <div>
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      <p>{t('account.intro')}</p>
      {done && donePurpose ? (
        <Notice kind="success">
          {t(`account.${done}_notice`, { purpose: t(`purposes.${donePurpose}`) })}
        </Notice>
      ) : null}
      {requested ? <Notice kind="success">{t('account.copy_requested')}</Notice> : null}

      {confirm ? (
        <section id="confirm" aria-labelledby="confirm-title" className="panel">
          <h2 id="confirm-title">
            {t('account.confirm_title', { purpose: t(`purposes.${confirm.purpose}`) })}
          </h2>
          <p>{t('account.confirm_business', { business: nameOf(confirm.business) })}</p>
          <p>
            <strong>{t('account.confirm_effect')}</strong> {t(`effects.${confirm.purpose}`)}
          </p>
          <PostForm>
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="purpose" value={confirm.purpose} />
            <input type="hidden" name="applicationId" value={confirm.business.applicationId} />
            <SubmitButton variant="danger">{t('account.confirm')}</SubmitButton>{' '}
            <Link to="/account/privacy#consents">{t('account.cancel')}</Link>
          </PostForm>
        </section>
      ) : null}

      <section aria-labelledby="holdings">
        <h2 id="holdings">{t('account.holdings_title')}</h2>
        <DataTable
          caption={t('account.holdings_caption')}
          className="stacked"
          columns={[
            t('account.consent_columns.purpose'),
            t('account.columns.what'),
            t('account.columns.source'),
            t('account.columns.who'),
          ]}
        >
          {HOLDINGS.map((key) => (
            <tr key={key}>
              <th scope="row">{t(`account.holdings.${key}.purpose`)}</th>
              <td>{t(`account.holdings.${key}.what`)}</td>
              <td>{t(`account.holdings.${key}.source`)}</td>
              <td>{t(`account.holdings.${key}.who`)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section id="consents" aria-labelledby="consents-title">
        <h2 id="consents-title">{t('account.consents_title')}</h2>
        <p>{t('account.consents_intro')}</p>
        {businesses.length === 0 ? <p>{t('account.consents_none')}</p> : null}
        {businesses.map((b) => (
          <DataTable
            key={b.applicationId}
            caption={t('account.consents_caption', { business: nameOf(b) })}
            showCaption
            className="stacked"
            columns={[
              t('account.consent_columns.purpose'),
              t('account.consent_columns.state'),
              t('account.consent_columns.version'),
              t('account.consent_columns.given'),
              t('account.consent_columns.withdrawn'),
              t('account.consent_columns.action'),
            ]}
          >
            {b.consents.map((c) => {
              const purpose = t(`purposes.${c.purpose}`);
              return (
                <tr key={c.purpose}>
                  <th scope="row">{purpose}</th>
                  <td>{t(`states.${c.state}`)}</td>
                  <td>{c.textVersion ?? '—'}</td>
                  <td>{c.givenAt ?? '—'}</td>
                  <td>{c.withdrawnAt ?? '—'}</td>
                  <td>
                    {c.state === 'given' ? (
                      <Link
                        to={`/account/privacy?withdraw=${c.purpose}&application=${b.applicationId}#confirm`}
                        aria-label={t('account.withdraw_label', { purpose, business: nameOf(b) })}
                      >
                        {t('account.withdraw')}
                      </Link>
                    ) : c.required ? null : (
                      <PostForm>
                        <input type="hidden" name="intent" value="give" />
                        <input type="hidden" name="purpose" value={c.purpose} />
                        <input type="hidden" name="applicationId" value={b.applicationId} />
                        <button
                          type="submit"
                          className="link-button"
                          aria-label={t('account.give_label', { purpose, business: nameOf(b) })}
                        >
                          {t('account.give')}
                        </button>
                      </PostForm>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        ))}
      </section>

      <section id="data-copy" aria-labelledby="data-copy-title">
        <h2 id="data-copy-title">{t('account.copy_title')}</h2>
        <p>{t('account.copy_intro', { days: DATA_EXPORT_VALID_DAYS })}</p>
        <PostForm>
          <input type="hidden" name="intent" value="export" />
          <SubmitButton>{t('account.copy_request')}</SubmitButton>
        </PostForm>
        {copies.length > 0 ? (
          <DataTable
            caption={t('account.copy_caption')}
            showCaption
            className="stacked"
            columns={[
              t('account.copy_columns.asked'),
              t('account.copy_columns.status'),
              t('account.copy_columns.file'),
            ]}
          >
            {copies.map((c) => (
              <tr key={c.id}>
                <td>{c.askedAt}</td>
                <td>{t(`account.copy_status.${c.status}`)}</td>
                <td>
                  {c.status === 'ready' ? (
                    <>
                      <a href={`/account/privacy/data-exports/${c.id}/file`}>
                        {t('account.copy_download', { date: c.readyOn, size: c.sizeKb })}
                      </a>{' '}
                      ({t('account.copy_until', { date: c.until })})
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      <section aria-labelledby="rights-title">
        <h2 id="rights-title">{t('account.rights_title')}</h2>
        <p>{t('account.rights')}</p>
        <p>
          <Link to="/privacy-policy">{t('account.policy_link')}</Link>
        </p>
      </section>
    </div>
  );
}
