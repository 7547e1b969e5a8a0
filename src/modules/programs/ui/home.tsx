import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../../app/components/page.tsx';
import { pageLoader } from '../../../../app/lib/route.server.ts';
import { formatNumber } from '../../../kernel/format.ts';
import { listPrograms } from '../use-cases/list-programs.ts';

export const loader = pageLoader(async ({ ctx }) => {
  const [program] = await listPrograms(ctx);
  const fr = ctx.locale === 'fr';
  return {
    program: program && {
      name: fr ? program.nameFr : program.nameEn,
      description: fr ? program.descriptionFr : program.descriptionEn,
      target: formatNumber(program.targetRetailers, ctx.locale),
    },
    user: ctx.actor.kind === 'user' ? { name: ctx.actor.name, role: ctx.actor.role } : null,
  };
});

export default function Home({ loaderData }: { loaderData: Awaited<ReturnType<typeof loader>> }) {
  const { t } = useTranslation('programs');
  const { program, user } = loaderData;
  return (
    <div>
      <PageTitle title={program?.name ?? 'Virage'}>{program?.name ?? 'Virage'}</PageTitle>
      {user ? (
        <section aria-labelledby="welcome" className="card">
          <h2 id="welcome">{t('home.welcome', { name: user.name })}</h2>
          <p>{t(`home.role_intro.${user.role}`)}</p>
        </section>
      ) : null}
      {program ? (
        <>
          <p className="lead">{program.description}</p>
          <div className="figures">
            <p className="figure">
              <strong>{program.target}</strong>
              {t('home.target_label')}
            </p>
          </div>
          <h2>{t('home.steps_title')}</h2>
          <ol className="bullets">
            <li>{t('home.step_apply')}</li>
            <li>{t('home.step_diagnostic')}</li>
            <li>{t('home.step_plan')}</li>
            <li>{t('home.step_aid')}</li>
          </ol>
        </>
      ) : null}
      {user ? null : (
        <p className="actions">
          <Link to="/sign-in" className="button button-primary">
            {t('home.sign_in')}
          </Link>
        </p>
      )}
    </div>
  );
}
