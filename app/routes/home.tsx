import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { listProgramFigures } from '../../src/modules/intake/index.ts';
import { PageTitle } from '../../src/platform/ui/page.tsx';
import { pageLoader } from '../../src/platform/ui/route.server.ts';
import { type Action, isAllowed } from '../../src/wiring/authorize.ts';
import { ProgramPresentation, presentProgram } from '../program-presentation.tsx';

/**
 * The public home page: with one program, that program's presentation with its live figures (as
 * before there could be several); with more, the programs open to applications, each leading to its
 * page. Signed-in people also see where to go next.
 */
export const loader = pageLoader(async ({ ctx }) => {
  const programs = await listProgramFigures(ctx);
  const can = (action: Action) => isAllowed(ctx.actor, action);
  return {
    only: programs.length === 1 ? presentProgram(programs[0]!, ctx.locale) : null,
    open:
      programs.length > 1
        ? programs.filter((p) => p.intakeOpen).map((p) => presentProgram(p, ctx.locale))
        : [],
    user: ctx.actor.kind === 'user' ? { name: ctx.actor.name, role: ctx.actor.role } : null,
    links: {
      apply: ctx.actor.kind === 'anonymous' || can('application.create'),
      review: can('application.review'),
      referrals: can('partner.referrals'),
      dashboard: can('dashboard.read'),
      indicators: can('indicators.read'),
      research: can('research_extract.request'),
    },
  };
});

export default function Home() {
  const { t } = useTranslation('programs');
  const { only, open, user, links } = useLoaderData<typeof loader>();
  const title = only?.name ?? 'Virage';
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
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
            {links.dashboard ? (
              <Link to="/admin/dashboard" className="button">
                {t('home.dashboard')}
              </Link>
            ) : null}
            {links.indicators ? (
              <Link to="/indicators" className="button button-primary">
                {t('home.indicators')}
              </Link>
            ) : null}
            {links.referrals ? (
              <Link to="/referrals" className="button button-primary">
                {t('home.my_referrals')}
              </Link>
            ) : null}
            {links.research ? (
              <Link to="/research" className="button button-primary">
                {t('home.research_extracts')}
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}
      {only ? <ProgramPresentation program={only} applicant={!user} signedIn={false} /> : null}
      {only ? null : (
        <section aria-labelledby="programs-title">
          <h2 id="programs-title">{t('home.programs_title')}</h2>
          {open.length === 0 ? <p>{t('home.none_open')}</p> : null}
          {open.map((p) => (
            <article key={p.slug} className="card" aria-labelledby={`program-${p.slug}`}>
              <h3 id={`program-${p.slug}`}>
                <Link to={`/programs/${p.slug}`}>{p.name}</Link>
              </h3>
              <p>{p.description}</p>
              <p>
                {t('home.places_summary', { places: p.placesRemaining, target: p.target })}
                {p.closesAt ? ` ${t('home.closes_on', { date: p.closesAt })}` : ''}
              </p>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
