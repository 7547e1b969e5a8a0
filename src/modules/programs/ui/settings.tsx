import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDate, formatNumber, startOfMontrealDay } from '../../../kernel/format.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery } from '../domain/default-program.ts';
import { getProgramSettings } from '../use-cases/get-program-settings.ts';
import { selectProgram } from '../use-cases/select-program.ts';
import { updateProgramSettings } from '../use-cases/update-program-settings.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const selected = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const program = await getProgramSettings(ctx, selected.id);
  return {
    query: programQuery(program.slug),
    platformContact: ctx.services.config.contacts.programEmail,
    program: {
      ...program,
      intakeOpensAt: program.intakeOpensAt ? formatDate(program.intakeOpensAt) : '',
      coachingHoursPerRetailer: formatNumber(program.coachingMinutesPerRetailer / 60, ctx.locale),
      // Stored as the instant intake closes (the start of the next day): shown as the last day.
      intakeClosesAt: program.intakeClosesAt
        ? formatDate(new Date(program.intakeClosesAt.getTime() - 1))
        : '',
    },
  };
});

/** A Montréal calendar day from the form as the start of that day, or none; anything else goes to validation as typed. */
const day = (value: string | undefined, after = 0) =>
  !value ? null : /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfMontrealDay(value, after).toISOString() : value;

export const action = formAction(async ({ ctx, form, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  const target = formNumber(form.targetRetailers);
  await updateProgramSettings(ctx, program.id, {
    nameFr: form.nameFr,
    nameEn: form.nameEn,
    descriptionFr: form.descriptionFr,
    descriptionEn: form.descriptionEn,
    targetRetailers: target,
    intakeOpensAt: day(form.intakeOpensAt),
    // The closing day is included: intake closes at the end of it.
    intakeClosesAt: day(form.intakeClosesAt, 1),
    automatedDecisionNoticeFr: form.automatedDecisionNoticeFr,
    automatedDecisionNoticeEn: form.automatedDecisionNoticeEn,
    coachingHoursPerRetailer: formNumber(form.coachingHoursPerRetailer, { decimals: true }),
    contactEmail: form.contactEmail?.trim() || null,
  });
  // More places: those on the waitlist come first, in their order, before any newer application.
  return {
    saved: true as const,
    targetRaised: typeof target === 'number' && target > program.targetRetailers,
  };
});

export default function ProgramSettings() {
  const { t } = useTranslation('programs');
  const { program, query, platformContact } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const v = (name: keyof typeof program) => failed?.values[name] ?? String(program[name] ?? '');
  return (
    <div>
      <PageTitle title={t('settings.title')}>{t('settings.title')}</PageTitle>
      <p className="actions">
        <Link to={`/admin/program/eligibility${query}`}>{t('settings.criteria_link')}</Link>
        <Link to={`/admin/program/consents${query}`}>{t('settings.consents_link')}</Link>
        <Link to={`/admin/program/reminders${query}`}>{t('reminders:settings.link')}</Link>
        <Link to={`/admin/program/disclosure${query}`}>{t('reporting:rules_page.settings_link')}</Link>
        <Link to={`/admin/diagnostic${query}`}>{t('diagnostic:admin.settings_link')}</Link>
        <Link to="/admin/programs">{t('admin.title')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t('settings.saved')}</p>
          {result.targetRaised ? (
            <p>
              {t('settings.target_raised')}{' '}
              <Link to={`/review${programQuery(program.slug, { status: 'waitlisted', sort: 'waitlist' })}`}>
                {t('settings.waitlist_link')}
              </Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      <PostForm className="stack">
        <TextField
          name="nameFr"
          label={t('fields.nameFr')}
          required
          defaultValue={v('nameFr')}
          error={errors.nameFr}
        />
        <TextField
          name="nameEn"
          label={t('fields.nameEn')}
          required
          defaultValue={v('nameEn')}
          error={errors.nameEn}
        />
        <TextArea
          name="descriptionFr"
          label={t('fields.descriptionFr')}
          required
          defaultValue={v('descriptionFr')}
          error={errors.descriptionFr}
        />
        <TextArea
          name="descriptionEn"
          label={t('fields.descriptionEn')}
          required
          defaultValue={v('descriptionEn')}
          error={errors.descriptionEn}
        />
        <TextField
          name="targetRetailers"
          label={t('fields.targetRetailers')}
          hint={t('settings.target_hint')}
          required
          inputMode="numeric"
          defaultValue={v('targetRetailers')}
          error={errors.targetRetailers}
        />
        <TextField
          name="intakeOpensAt"
          type="date"
          label={t('fields.intakeOpensAt')}
          hint={t('settings.window_hint')}
          defaultValue={v('intakeOpensAt')}
          error={errors.intakeOpensAt}
        />
        <TextField
          name="intakeClosesAt"
          type="date"
          label={t('fields.intakeClosesAt')}
          hint={t('settings.closes_hint')}
          defaultValue={v('intakeClosesAt')}
          error={errors.intakeClosesAt}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t('fields.contactEmail')}
          hint={t('settings.contact_hint', { address: platformContact })}
          defaultValue={v('contactEmail')}
          error={errors.contactEmail}
        />
        <TextField
          name="coachingHoursPerRetailer"
          label={t('fields.coachingHoursPerRetailer')}
          hint={t('settings.hours_hint')}
          required
          inputMode="decimal"
          defaultValue={v('coachingHoursPerRetailer')}
          error={errors.coachingHoursPerRetailer}
        />
        <TextArea
          name="automatedDecisionNoticeFr"
          label={t('fields.automatedDecisionNoticeFr')}
          hint={t('settings.notice_hint')}
          required
          defaultValue={v('automatedDecisionNoticeFr')}
          error={errors.automatedDecisionNoticeFr}
        />
        <TextArea
          name="automatedDecisionNoticeEn"
          label={t('fields.automatedDecisionNoticeEn')}
          required
          defaultValue={v('automatedDecisionNoticeEn')}
          error={errors.automatedDecisionNoticeEn}
        />
        <SubmitButton>{t('settings.save')}</SubmitButton>
      </PostForm>
    </div>
  );
}
