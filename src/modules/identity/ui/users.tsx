import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useActionData, useLoaderData } from 'react-router';
import { formatDate, formatDateTime } from '../../../kernel/format.ts';
import { ROLES } from '../../../kernel/roles.ts';
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
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { rolesInvitableBy } from '../domain/policies.ts';
import { changeUserRole } from '../use-cases/change-user-role.ts';
import { inviteUser } from '../use-cases/invite-user.ts';
import { listPendingInvitations } from '../use-cases/list-pending-invitations.ts';
import { listUsers } from '../use-cases/list-users.ts';
import { setUserActive } from '../use-cases/set-user-active.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const filters = { q: search.q ?? '', role: search.role ?? '', active: search.active ?? '' };
  // A coordinator may invite partners' people and experts without administering every account.
  const canList = isAllowed(ctx.actor, 'user.list');
  const page = canList
    ? await listUsers(ctx, {
        ...(filters.q ? { q: filters.q } : {}),
        ...(filters.role ? { role: filters.role } : {}),
        ...(filters.active ? { active: filters.active } : {}),
        ...(search.cursor ? { cursor: search.cursor } : {}),
      })
    : { items: [], nextCursor: null };
  const next = page.nextCursor
    ? new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString()
    : null;
  const invitations = await listPendingInvitations(ctx);
  return {
    canList,
    invitableRoles: ctx.actor.kind === 'user' ? rolesInvitableBy(ctx.actor.role) : [],
    filters,
    next,
    invitations: invitations.map((invitation) => ({
      ...invitation,
      sentAt: formatDate(invitation.sentAt),
      expiresAt: formatDateTime(invitation.expiresAt, ctx.locale),
    })),
    users: page.items.map((u) => ({
      ...u,
      lastSignInAt: u.lastSignInAt ? formatDateTime(u.lastSignInAt, ctx.locale) : null,
      isMe: ctx.actor.kind === 'user' && ctx.actor.id === u.id,
    })),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  switch (form.intent) {
    case 'invite': {
      const sent = await inviteUser(ctx, {
        email: form.email ?? '',
        role: form.role ?? '',
        locale: form.locale ?? 'fr',
      });
      return { invited: { id: sent.id, email: sent.email, link: sent.link } };
    }
    case 'role':
      await changeUserRole(ctx, form.userId ?? '', { role: form.role ?? '' });
      return { saved: 'role' as const };
    case 'deactivate':
    case 'reactivate':
      await setUserActive(ctx, form.userId ?? '', { active: form.intent === 'reactivate' });
      return { saved: form.intent };
    default:
      throw new AppError('bad_request');
  }
});

export default function Users() {
  const { t } = useTranslation('identity');
  const { canList, invitableRoles, users, invitations, filters, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const invited = result && 'invited' in result ? result.invited : undefined;
  const inviteSection = useRef<HTMLElement>(null);
  // Once an invitation is sent, the form is emptied for the next one. Without JavaScript the page comes
  // back empty anyway; with it, the browser would keep what was typed. The focus stays on the button.
  useEffect(() => {
    if (invited) inviteSection.current?.querySelector('form')?.reset();
  }, [invited]);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <div>
      <PageTitle title={t('users.title')}>{t('users.title')}</PageTitle>
      <ErrorSummary error={failed?.error} />
      {invited ? (
        <Notice kind="success">
          <p>{t('users.invited', { email: invited.email })}</p>
          <p>
            {t('users.invitation_link')} <code>{invited.link}</code>
          </p>
        </Notice>
      ) : null}
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t(`users.saved_${result.saved}`)}</p>
        </Notice>
      ) : null}

      <section ref={inviteSection} aria-labelledby="invite-title" className="card">
        <h2 id="invite-title">{t('users.invite_title')}</h2>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="invite" />
          <TextField
            name="email"
            type="email"
            label={t('fields.email')}
            required
            defaultValue={failed?.values.email}
            error={errors.email}
          />
          <SelectField
            name="role"
            label={t('fields.role')}
            required
            options={roleOptions.filter((option) => invitableRoles.includes(option.value))}
            defaultValue={
              failed?.values.role ?? (invitableRoles.includes('coordinator') ? 'coordinator' : 'expert')
            }
            error={errors.role}
          />
          <SelectField
            name="locale"
            label={t('users.invitation_language')}
            required
            defaultValue={failed?.values.locale ?? 'fr'}
            error={errors.locale}
            options={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
          <SubmitButton>{t('users.invite_submit')}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('users.pending_title')}</h2>
        <p>{t('users.pending_intro')}</p>
        {invitations.length === 0 ? (
          <p>{t('users.pending_none')}</p>
        ) : (
          <DataTable
            caption={t('users.pending_title')}
            columns={[
              t('fields.email'),
              t('fields.role'),
              t('users.pending_sent'),
              t('users.pending_expires'),
            ]}
          >
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{t(`roles.${invitation.role}`)}</td>
                <td>{invitation.sentAt}</td>
                <td>{invitation.expiresAt}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {canList ? <UserList users={users} filters={filters} next={next} roleOptions={roleOptions} /> : null}
    </div>
  );
}

/** Every account, for administrators: search, change a role, deactivate. */
function UserList({
  users,
  filters,
  next,
  roleOptions,
}: Pick<ReturnType<typeof useLoaderData<typeof loader>>, 'users' | 'filters' | 'next'> & {
  roleOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation('identity');
  return (
    <>
      <h2>{t('users.list_title')}</h2>
      <Form method="get" className="filters" role="search" aria-label={t('users.filters')}>
        <TextField id="filter-q" name="q" type="search" label={t('users.search')} defaultValue={filters.q} />
        <SelectField
          id="filter-role"
          name="role"
          label={t('fields.role')}
          defaultValue={filters.role}
          options={[{ value: '', label: t('users.all_roles') }, ...roleOptions]}
        />
        <SelectField
          id="filter-active"
          name="active"
          label={t('users.state')}
          defaultValue={filters.active}
          options={[
            { value: '', label: t('users.all_states') },
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
        <div className="field">
          <SubmitButton variant="secondary">{t('users.filter')}</SubmitButton>
        </div>
      </Form>
      {users.length === 0 ? (
        <p>{t('users.none')}</p>
      ) : (
        <DataTable
          next={next}
          nextLabel={t('users.next_page')}
          caption={t('users.list_title')}
          columns={[
            t('fields.name'),
            t('fields.email'),
            t('fields.role'),
            t('users.state'),
            t('users.last_sign_in'),
            t('users.actions'),
          ]}
        >
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>
                {t(`roles.${user.role}`)}
                {user.secondFactor ? <span className="sr-only">, {t('users.with_totp')}</span> : null}
              </td>
              <td>{user.active ? t('users.active') : t('users.inactive')}</td>
              <td>{user.lastSignInAt ?? t('account.never')}</td>
              <td>
                {user.isMe ? (
                  t('users.you')
                ) : (
                  <div className="actions">
                    <PostForm className="filters">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={user.id} />
                      <SelectField
                        id={`role-${user.id}`}
                        name="role"
                        label={t('users.role_of', { name: user.name })}
                        required
                        defaultValue={user.role}
                        options={roleOptions}
                      />
                      <div className="field">
                        <SubmitButton variant="secondary">{t('users.change_role')}</SubmitButton>
                      </div>
                    </PostForm>
                    <PostForm>
                      <input type="hidden" name="userId" value={user.id} />
                      <button
                        type="submit"
                        name="intent"
                        value={user.active ? 'deactivate' : 'reactivate'}
                        className="link-button"
                      >
                        {user.active ? t('users.deactivate') : t('users.reactivate')}
                        <span className="sr-only"> {user.name}</span>
                      </button>
                    </PostForm>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
