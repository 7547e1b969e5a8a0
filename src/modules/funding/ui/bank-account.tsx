import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { listMyApplications } from '../../intake/index.ts';
import { getBankAccount } from '../use-cases/get-bank-account.ts';
import { setBankAccount } from '../use-cases/set-bank-account.ts';

/** The retailer's files that may receive money: accepted in a program. */
async function fundedFiles(ctx: Parameters<typeof listMyApplications>[0]) {
  const { items } = await listMyApplications(ctx);
  return items.filter((a) => a.status === 'accepted');
}

export const loader = pageLoader(async ({ ctx, request }) => {
  const files = await fundedFiles(ctx);
  const asked = new URL(request.url).searchParams.get('application');
  const file = files.find((f) => f.id === asked) ?? files[0];
  if (!file) return { files: [], current: null };
  const { account, businessName } = await getBankAccount(ctx, file.id);
  return {
    files: files.map((f) => ({ id: f.id, name: f.legalName ?? f.tradeName ?? '' })),
    current: {
      applicationId: file.id,
      businessName,
      account: account && {
        holderName: account.holderName,
        institution: account.institution,
        transit: account.transit,
        accountMasked: account.accountMasked,
        verified: account.verified,
        updatedAt: formatDateTime(account.updatedAt, ctx.locale),
      },
    },
  };
});

export const action = formAction(async ({ ctx, form }) => {
  const { account } = await setBankAccount(ctx, form.application ?? '', {
    holderName: form.holderName,
    institution: form.institution,
    transit: form.transit,
    account: form.account,
    password: form.password,
  });
  return { saved: true as const, accountMasked: account?.accountMasked ?? '' };
});

export default function BankAccountPage() {
  const { t } = useTranslation('funding');
  const { files, current } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const v = (name: string) => failed?.values[name] ?? '';
  return (
    <div>
      <PageTitle title={t('payments.bank.title')}>{t('payments.bank.title')}</PageTitle>
      {!current ? (
        <p>{t('payments.bank.no_file')}</p>
      ) : (
        <>
          {files.length > 1 ? (
            <nav aria-label={t('payments.bank.files')}>
              <ul>
                {files.map((f) => (
                  <li key={f.id}>
                    <Link
                      to={`?application=${f.id}`}
                      aria-current={f.id === current.applicationId ? 'page' : undefined}
                    >
                      {f.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <p>{t('payments.bank.intro', { business: current.businessName })}</p>
          {result && 'saved' in result ? (
            <Notice kind="success">
              <p>{t('payments.bank.saved', { account: result.accountMasked })}</p>
            </Notice>
          ) : null}
          <section aria-labelledby="bank-current">
            <h2 id="bank-current">{t('payments.bank.current')}</h2>
            {current.account ? (
              <dl>
                <dt>{t('payments.fields.holderName')}</dt>
                <dd>{current.account.holderName}</dd>
                <dt>{t('payments.fields.institution')}</dt>
                <dd>{current.account.institution}</dd>
                <dt>{t('payments.fields.transit')}</dt>
                <dd>{current.account.transit}</dd>
                <dt>{t('payments.fields.account')}</dt>
                <dd>{current.account.accountMasked}</dd>
                <dt>{t('payments.fields.verification')}</dt>
                <dd>
                  {current.account.verified ? t('payments.bank.verified') : t('payments.bank.unverified')}
                </dd>
                <dt>{t('payments.fields.updatedAt')}</dt>
                <dd>{current.account.updatedAt}</dd>
              </dl>
            ) : (
              <p>{t('payments.bank.none')}</p>
            )}
          </section>
          <section aria-labelledby="bank-form">
            <h2 id="bank-form">{current.account ? t('payments.bank.change') : t('payments.bank.enter')}</h2>
            <p>{t('payments.bank.form_intro')}</p>
            <ErrorSummary error={failed?.error} />
            <PostForm className="stack">
              <input type="hidden" name="application" value={current.applicationId} />
              <TextField
                name="holderName"
                label={t('payments.fields.holderName')}
                required
                autoComplete="name"
                defaultValue={v('holderName')}
                error={errors.holderName}
              />
              <TextField
                name="institution"
                label={t('payments.fields.institution')}
                hint={t('payments.bank.institution_hint')}
                required
                inputMode="numeric"
                autoComplete="off"
                defaultValue={v('institution')}
                error={errors.institution}
              />
              <TextField
                name="transit"
                label={t('payments.fields.transit')}
                hint={t('payments.bank.transit_hint')}
                required
                inputMode="numeric"
                autoComplete="off"
                defaultValue={v('transit')}
                error={errors.transit}
              />
              <TextField
                name="account"
                label={t('payments.fields.account')}
                hint={t('payments.bank.account_hint')}
                required
                inputMode="numeric"
                autoComplete="off"
                error={errors.account}
              />
              <TextField
                name="password"
                type="password"
                label={t('payments.fields.password')}
                hint={t('payments.bank.password_hint')}
                required
                autoComplete="current-password"
                error={errors.password}
              />
              <SubmitButton>{t('payments.bank.submit')}</SubmitButton>
            </PostForm>
          </section>
        </>
      )}
    </div>
  );
}
