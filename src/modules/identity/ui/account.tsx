import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { PASSWORD_MIN_LENGTH } from '../domain/password-policy.ts';
import { changePassword } from '../use-cases/change-password.ts';
import { createApiToken } from '../use-cases/create-api-token.ts';
import { getAccount } from '../use-cases/get-account.ts';
import { listApiTokens } from '../use-cases/list-api-tokens.ts';
import { regenerateRecoveryCodes } from '../use-cases/regenerate-recovery-codes.ts';
import { revokeApiToken } from '../use-cases/revoke-api-token.ts';
import { updateProfile } from '../use-cases/update-profile.ts';

export const loader = pageLoader(async ({ ctx }) => {
  const account = await getAccount(ctx);
  if (ctx.actor.kind === 'user' && !ctx.actor.secondFactor) throw new AppError('second_factor_required');
  const tokens = (await listApiTokens(ctx)).map((token) => ({
    ...token,
    createdAt: formatDateTime(token.createdAt, ctx.locale),
    lastUsedAt: token.lastUsedAt ? formatDateTime(token.lastUsedAt, ctx.locale) : null,
    revoked: token.revokedAt !== null,
  }));
  return { account, tokens };
});

export const action = formAction(async ({ ctx, form }) => {
  switch (form.intent) {
    case 'profile':
      await updateProfile(ctx, { name: form.name ?? '', locale: form.locale });
      return { saved: 'profile' as const };
    case 'password':
      await changePassword(ctx, {
        currentPassword: form.currentPassword ?? '',
        newPassword: form.newPassword ?? '',
      });
      return { saved: 'password' as const };
    case 'recovery-codes':
      return { recoveryCodes: (await regenerateRecoveryCodes(ctx)).recoveryCodes };
    case 'create-token':
      return {
        createdToken: await withFieldNames({ name: 'tokenName' }, () =>
          createApiToken(ctx, { name: form.tokenName ?? '' }),
        ),
      };
    case 'revoke-token':
      await revokeApiToken(ctx, form.tokenId ?? '');
      return { saved: 'revoked' as const };
    default:
      throw new AppError('bad_request');
  }
});

export default function Account() {
  const { t } = useTranslation('identity');
  const { account, tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      <p className="actions">
        <Link to="/account/privacy">{t('account.privacy_link')}</Link>
        <Link to="/account/reminders">{t('reminders:preference.link')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t(`account.saved_${result.saved}`)}</p>
        </Notice>
      ) : null}

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <p>
          {t('fields.email')}
          {t('account.label_separator')}
          <strong>{account.email}</strong> · {t('fields.role')}
          {t('account.label_separator')}
          <strong>{t(`roles.${account.role}`)}</strong>
        </p>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="profile" />
          <TextField
            name="name"
            label={t('fields.name')}
            autoComplete="name"
            required
            defaultValue={account.name}
            error={errors.name}
          />
          <SelectField
            name="locale"
            label={t('fields.locale')}
            required
            defaultValue={account.locale}
            error={errors.locale}
            options={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
          <SubmitButton>{t('account.save_profile')}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password')}</h2>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="password" />
          <TextField
            name="currentPassword"
            type="password"
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            error={errors.currentPassword}
          />
          <TextField
            name="newPassword"
            type="password"
            label={t('fields.newPassword')}
            hint={t('password_hint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            error={errors.newPassword}
          />
          <SubmitButton>{t('account.change_password')}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="totp-title">
        <h2 id="totp-title">{t('account.second_factor')}</h2>
        {account.totpEnabled ? (
          <>
            <p>{t('account.totp_on', { count: account.recoveryCodesLeft })}</p>
            {result && 'recoveryCodes' in result && result.recoveryCodes ? (
              <RecoveryCodes codes={result.recoveryCodes} />
            ) : null}
            <PostForm>
              <input type="hidden" name="intent" value="recovery-codes" />
              <SubmitButton variant="secondary">{t('account.new_recovery_codes')}</SubmitButton>
            </PostForm>
          </>
        ) : (
          <p>
            {t('account.totp_off')} <Link to="/account/two-factor">{t('account.enable_totp')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="privacy-requests-title">
        <h2 id="privacy-requests-title">{t('account.privacy_requests_title')}</h2>
        <p>
          <Link to="/account/privacy/requests">{t('account.privacy_requests_link')}</Link>
        </p>
      </section>

      {/* Few people need the API: its tokens are tucked away, open once someone uses them. */}
      <section aria-labelledby="advanced-title">
        <h2 id="advanced-title">{t('account.advanced')}</h2>
        <details
          className="account-advanced"
          open={tokens.length > 0 || Boolean(errors.tokenName) || Boolean(result && 'createdToken' in result)}
        >
          <summary id="tokens-title">{t('account.tokens')}</summary>
          <p>{t('account.tokens_intro')}</p>
          {result && 'createdToken' in result && result.createdToken ? (
            <Notice kind="success">
              <p>{t('account.token_created', { name: result.createdToken.name })}</p>
              <p>
                <code data-testid="new-token">{result.createdToken.token}</code>
              </p>
            </Notice>
          ) : null}
          {tokens.length > 0 ? (
            <DataTable
              caption={t('account.tokens')}
              columns={[
                t('fields.tokenName'),
                t('account.token_prefix'),
                t('account.token_created_at'),
                t('account.token_last_used'),
                t('account.token_state'),
              ]}
            >
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.displayPrefix}…</code>
                  </td>
                  <td>{token.createdAt}</td>
                  <td>{token.lastUsedAt ?? t('account.never')}</td>
                  <td>
                    {token.revoked ? (
                      t('account.revoked')
                    ) : (
                      <PostForm>
                        <input type="hidden" name="intent" value="revoke-token" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className="link-button">
                          {t('account.revoke')}
                          <span className="sr-only"> {token.name}</span>
                        </button>
                      </PostForm>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          <PostForm className="stack">
            <input type="hidden" name="intent" value="create-token" />
            <TextField
              name="tokenName"
              label={t('fields.tokenName')}
              hint={t('account.token_name_hint')}
              required
              error={errors.tokenName}
            />
            <SubmitButton variant="secondary">{t('account.create_token')}</SubmitButton>
          </PostForm>
        </details>
      </section>
    </div>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation('identity');
  return (
    <Notice kind="warning">
      <p>{t('two_factor.codes_intro')}</p>
      <ul className="codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </Notice>
  );
}
