import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { AppError } from '../../../platform/errors.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { selectProgram } from '../../programs/index.ts';
import { addPartnerMember } from '../use-cases/add-partner-member.ts';
import { createPartnerOrganization } from '../use-cases/create-partner-organization.ts';
import { listPartnerOrganizations } from '../use-cases/list-partner-organizations.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const { items } = await listPartnerOrganizations(ctx, { programId: program.id });
  return { partners: items, publicUrl: ctx.services.config.publicUrl };
});

export const action = formAction(async ({ ctx, form, request }) => {
  if (form.intent === 'create') {
    const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
    const created = await createPartnerOrganization(ctx, {
      programId: program.id,
      name: form.name ?? '',
      ...(form.referralCode ? { referralCode: form.referralCode } : {}),
    });
    return { created };
  }
  if (form.intent === 'member') {
    await withFieldNames({ email: `member-${form.organizationId}` }, () =>
      addPartnerMember(ctx, form.organizationId ?? '', { email: form.email ?? '' }),
    );
    return { member: true as const };
  }
  throw new AppError('bad_request');
});

/** Local partners (commercial development associations, chambers of commerce) and their referral codes. */
export default function Partners() {
  const { t } = useTranslation('intake');
  const { partners, publicUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('ui.partners.title')}>{t('ui.partners.title')}</PageTitle>
      <ErrorSummary error={failed?.error} />
      {result && 'created' in result && result.created ? (
        <Notice kind="success">
          <p>{t('ui.partners.created', { name: result.created.name, code: result.created.referralCode })}</p>
        </Notice>
      ) : null}
      {result && 'member' in result ? (
        <Notice kind="success">
          <p>{t('ui.partners.member_added')}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="new-partner" className="card">
        <h2 id="new-partner">{t('ui.partners.new')}</h2>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="name"
            label={t('fields.name')}
            required
            defaultValue={failed?.values.name}
            error={errors.name}
          />
          <TextField
            name="referralCode"
            label={t('fields.referralCode')}
            hint={t('ui.partners.code_hint')}
            defaultValue={failed?.values.referralCode}
            error={errors.referralCode}
          />
          <SubmitButton>{t('ui.partners.create')}</SubmitButton>
        </PostForm>
      </section>
      {partners.length === 0 ? (
        <p>{t('ui.partners.none')}</p>
      ) : (
        <DataTable
          caption={t('ui.partners.title')}
          columns={[
            t('fields.name'),
            t('fields.referralCode'),
            t('ui.partners.referrals'),
            t('ui.partners.add_member'),
          ]}
        >
          {partners.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name}
                <div className="hint">
                  <code>{`${publicUrl}/apply?ref=${p.referralCode}`}</code>
                </div>
              </td>
              <td>
                <code>{p.referralCode}</code>
              </td>
              <td>{p.referrals}</td>
              <td>
                <PostForm className="filters">
                  <input type="hidden" name="intent" value="member" />
                  <input type="hidden" name="organizationId" value={p.id} />
                  <TextField
                    id={`member-${p.id}`}
                    name="email"
                    type="email"
                    label={t('ui.partners.member_email', { name: p.name })}
                    required
                    error={errors[`member-${p.id}`]}
                  />
                  <div className="field">
                    <SubmitButton variant="secondary">{t('ui.partners.add')}</SubmitButton>
                  </div>
                </PostForm>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
