import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatLongDate, formatNumber } from '../src/kernel/format.ts';
import type { Locale } from '../src/kernel/locale.ts';
import type { ProgramFigures } from '../src/modules/intake/index.ts';
import { programQuery } from '../src/modules/programs/index.ts';

/** A program's figures as the public reads them (server side, in the reader's language). */
export function presentProgram(program: ProgramFigures, locale: Locale) {
  return {
    slug: program.slug,
    query: programQuery(program.slug),
    name: program.name,
    description: program.description,
    target: formatNumber(program.targetRetailers, locale),
    placesRemaining: formatNumber(program.placesRemaining, locale),
    full: program.full,
    waitlistLength: program.waitlistLength,
    intakeOpen: program.intakeOpen,
    // In words ("31 mars 2027"): this page is for the public, not for staff used to ISO dates.
    closesAt: program.intakeClosesAt ? formatLongDate(program.intakeClosesAt, locale) : null,
    opensAt: program.intakeOpensAt ? formatLongDate(program.intakeOpensAt, locale) : null,
  };
}

export type PresentedProgram = ReturnType<typeof presentProgram>;

/**
 * One program's presentation: description, live figures, how it works, and for those who may apply
 * (visitors, retailers) where to start.
 */
export function ProgramPresentation({
  program,
  applicant,
  signedIn,
}: {
  program: PresentedProgram;
  applicant: boolean;
  signedIn: boolean;
}) {
  const { t } = useTranslation('programs');
  return (
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
      {applicant ? (
        <p className="actions">
          <Link to={`/eligibility${program.query}`} className="button button-primary">
            {t('home.check')}
          </Link>
          <Link to={`/apply${program.query}`} className="button button-secondary">
            {t('home.apply')}
          </Link>
          {signedIn ? null : <Link to="/sign-in">{t('home.sign_in')}</Link>}
        </p>
      ) : null}
    </>
  );
}
