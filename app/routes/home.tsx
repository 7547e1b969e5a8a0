import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatLongDate, formatNumber } from '../../src/kernel/format.ts';
import { listProgramFigures } from '../../src/modules/intake/index.ts';
import { PageTitle } from '../../src/platform/ui/page.tsx';
import { pageLoader } from '../../src/platform/ui/route.server.ts';
import { type Action, isAllowed } from '../../src/wiring/authorize.ts';

/** The public program page, with live figures; signed-in people also see where to go next. */
export const loader = pageLoader(async ({ ctx }) => {
  const [program] = await listProgramFigures(ctx);
  const can = (action: Action) => isAllowed(ctx.actor, action);
  return {
    program: program && {
      name: program.name,
      description: program.description,
      target: formatNumber(program.targetRetailers, ctx.locale),
      placesRemaining: formatNumber(program.placesRemaining, ctx.locale),
      full: program.full,
      waitlistLength: program.waitlistLength,
      intakeOpen: program.intakeOpen,
      // In words ("31 mars 2027"): this page is for the public, not for staff used to ISO dates.
      closesAt: program.intakeClosesAt ? formatLongDate(program.intakeClosesAt, ctx.locale) : null,
      opensAt: program.intakeOpensAt ? formatLongDate(program.intakeOpensAt, ctx.locale) : null,
    },
    user: ctx.actor.kind === 'user' ? { name: ctx.actor.name, role: ctx.actor.role } : null,
    links: {
      apply: ctx.actor.kind === 'anonymous' || can('application.create'),
      review: can('application.review'),
      referrals: can('partner.referrals'),
    },
  };
});

export default function Home() {
  const { t } = useTranslation('programs');
  const { program, user, links } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title={program?.name ?? 'Virage'}>{program?.name ?? 'Virage'}</PageTitle>
      {user ? (
        <section aria-labelledby="welcome" className="card">
          <h2 id="welcome">{t('home.welcome', { name: user.name })}</h2>
          <p>{t(`home.role_intro.${user.role}`)}</p>
          <p className="actions">
            {links.apply ? (
              <Link to="/apply" className="button button-primary">
                {t('home.my_application')}
              </Link>
            ) : null}
            {links.review ? (
              <Link to="/review" className="button button-primary">
                {t('home.review_queue')}
              </Link>
            ) : null}
            {links.referrals ? (
              <Link to="/referrals" className="button button-primary">
                {t('home.my_referrals')}
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}
      {program ? (
        <>
          <p className="lead">{program.description}</p>
          <section aria-labelledby="figures-title">
            <h2 id="figures-title" className="sr-only">
              {t('home.figures_title')}
            </h2>
            <div className="figures">
              <p className="figure">
                <strong>{program.target}</strong>
                {t('home.target_label')}
              </p>
              <p className="figure">
                <strong>{program.placesRemaining}</strong>
                {t('home.places_label')}
              </p>
              <p className="figure">
                <strong>{program.intakeOpen ? t('home.open') : t('home.closed')}</strong>
                {program.intakeOpen
                  ? program.closesAt
                    ? t('home.closes_on', { date: program.closesAt })
                    : t('home.open_label')
                  : program.opensAt
                    ? t('home.opens_on', { date: program.opensAt })
                    : t('home.closed_label')}
              </p>
              {program.full ? (
                <p className="figure">
                  <strong>{program.waitlistLength}</strong>
                  {t('home.waitlist_label', { count: program.waitlistLength })}
                </p>
              ) : null}
            </div>
          </section>
          <h2>{t('home.steps_title')}</h2>
          <ol className="bullets">
            <li>{t('home.step_apply')}</li>
            <li>{t('home.step_diagnostic')}</li>
            <li>{t('home.step_plan')}</li>
            <li>{t('home.step_aid')}</li>
          </ol>
          {user ? null : (
            <p className="actions">
              <Link to="/eligibility" className="button button-primary">
                {t('home.check')}
              </Link>
              <Link to="/apply" className="button button-secondary">
                {t('home.apply')}
              </Link>
              <Link to="/sign-in">{t('home.sign_in')}</Link>
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}
