import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getAccount } from '../../identity/index.ts';
import { programQuery } from '../../programs/index.ts';
import { answersFromQuery } from '../domain/precheck-answers.ts';
import { CURRENT_STATUSES } from '../domain/status.ts';
import { createApplication } from '../use-cases/create-application.ts';
import { selectProgramOverview } from '../use-cases/get-program-overview.ts';
import { listMyApplications } from '../use-cases/list-my-applications.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  const referralCode = search.get('ref')?.slice(0, 40) ?? '';
  const program = await selectProgramOverview(ctx, search.get('program'));
  // The pre-check's answers stay in the address through registration or sign-in, to start the application with.
  const { kept } = answersFromQuery(search);
  if (referralCode) kept.set('ref', referralCode);
  const here = `/apply${programQuery(program.slug, Object.fromEntries(kept))}`;
  if (ctx.actor.kind !== 'user')
    return {
      kind: 'anonymous' as const,
      here,
      program: { name: program.name, intakeOpen: program.intakeOpen, query: programQuery(program.slug) },
    };
  if (ctx.actor.role !== 'retailer') return { kind: 'not_retailer' as const, here, program: null };
  const mine = (await listMyApplications(ctx)).items.filter((a) => a.status !== 'withdrawn');
  const current = mine.filter((a) => a.programId === program?.id && CURRENT_STATUSES.includes(a.status));
  // « Ma demande » leads to the retailer's application in the program (a draft where it was left),
  // unless they followed the link to start one for another business.
  const only = current.length === 1 ? current[0] : undefined;
  if (only && !search.has('another')) {
    throw redirect(
      only.status === 'draft'
        ? `/applications/${only.id}/steps/${only.draftStep}`
        : `/applications/${only.id}`,
    );
  }
  const account = await getAccount(ctx);
  return {
    kind: 'retailer' as const,
    here,
    // Right after registration: say where the confirmation link went, and that it is needed to submit.
    unverifiedEmail: account.emailVerified ? null : account.email,
    referralCode,
    /** Already applying to this program: starting again is only for another business. */
    applying: current.length > 0,
    program: program && {
      id: program.id,
      slug: program.slug,
      name: program.name,
      intakeOpen: program.intakeOpen,
      full: program.full,
      waitlistLength: program.waitlistLength,
    },
    mine: mine.map((a) => ({
      id: a.id,
      status: a.status,
      name: a.tradeName || a.legalName,
      step: a.draftStep,
    })),
  };
});

export const action = formAction(async ({ ctx, form, request }) => {
  const program = await selectProgramOverview(ctx, form.program);
  const { business } = answersFromQuery(new URL(request.url).searchParams);
  const created = await createApplication(ctx, {
    programId: program.id,
    ...(Object.keys(business).length > 0 ? { business } : {}),
    ...(form.referralCode ? { referralCode: form.referralCode } : {}),
  });
  return redirect(`/applications/${created.id}/steps/1`);
});

export default function Apply() {
  const { t } = useTranslation('intake');
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div>
      <PageTitle title={t('ui.apply.title')}>{t('ui.apply.title')}</PageTitle>
      {data.program ? <p className="lead">{t('ui.apply.program', { name: data.program.name })}</p> : null}
      <ErrorSummary error={failed?.error} />
      {data.kind === 'anonymous' ? (
        <>
          <p className="lead">{t('ui.apply.account_first')}</p>
          {data.program && !data.program.intakeOpen ? (
            <Notice kind="warning">
              <p>{t('ui.apply.closed')}</p>
            </Notice>
          ) : null}
          <p className="actions">
            <Link to={`/register?next=${encodeURIComponent(data.here)}`} className="button button-primary">
              {t('ui.apply.create_account')}
            </Link>
            <Link to={`/sign-in?next=${encodeURIComponent(data.here)}`}>{t('ui.apply.sign_in')}</Link>
          </p>
          <p>
            <Link to={`/eligibility${data.program.query}`}>{t('ui.apply.precheck_first')}</Link>
          </p>
        </>
      ) : data.kind === 'not_retailer' ? (
        <Notice>
          <p>{t('ui.apply.retailers_only')}</p>
        </Notice>
      ) : (
        <>
          {data.unverifiedEmail ? (
            <Notice>
              <p>{t('ui.apply.verify_email', { email: data.unverifiedEmail })}</p>
            </Notice>
          ) : null}
          {data.mine.length > 0 ? (
            <section aria-labelledby="mine-title">
              <h2 id="mine-title">{t('ui.apply.mine')}</h2>
              <ul className="bullets">
                {data.mine.map((a) => (
                  <li key={a.id}>
                    <Link
                      to={
                        a.status === 'draft'
                          ? `/applications/${a.id}/steps/${a.step}`
                          : `/applications/${a.id}`
                      }
                    >
                      {a.name || t('ui.untitled')}
                    </Link>{' '}
                    — {t(`ui.status.${a.status}`)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.program?.full ? (
            <Notice kind="warning">
              <p>{t('ui.apply.full', { count: data.program.waitlistLength })}</p>
            </Notice>
          ) : null}
          {data.program?.intakeOpen ? (
            <PostForm action={data.here}>
              <input type="hidden" name="program" value={data.program.slug} />
              <input type="hidden" name="referralCode" value={data.referralCode} />
              {data.applying ? (
                <>
                  <p>{t('ui.apply.another_intro')}</p>
                  <SubmitButton variant="secondary">{t('ui.apply.another_business')}</SubmitButton>
                </>
              ) : (
                <>
                  <p>{t('ui.apply.start_intro', { program: data.program.name })}</p>
                  <SubmitButton>{t('ui.apply.start')}</SubmitButton>
                </>
              )}
            </PostForm>
          ) : (
            <Notice kind="warning">
              <p>{t('ui.apply.closed')}</p>
            </Notice>
          )}
        </>
      )}
    </div>
  );
}
