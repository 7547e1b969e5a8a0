import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { Checkbox } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { selectProgram } from '../../programs/index.ts';
import { getReminderSettings } from '../use-cases/get-reminder-settings.ts';
import { updateReminderSettings } from '../use-cases/update-reminder-settings.ts';

const programOf = (ctx: Parameters<typeof selectProgram>[0], request: Request) =>
  selectProgram(ctx, new URL(request.url).searchParams.get('program'));

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await programOf(ctx, request);
  return {
    program: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
    reminders: await getReminderSettings(ctx, program.id),
  };
});

export const action = formAction(async ({ ctx, form, request }) => {
  const program = await programOf(ctx, request);
  const current = await getReminderSettings(ctx, program.id);
  await updateReminderSettings(ctx, program.id, {
    reminders: current.map((r, i) => ({
      kind: r.kind,
      enabled: form[`reminders.${i}.enabled`] === 'on',
      days: formNumber(form[`reminders.${i}.days`]),
    })),
  });
  return { saved: true as const };
});

/** The program team turns each reminder on or off and sets its delay. */
export default function ReminderSettings() {
  const { t } = useTranslation('reminders');
  const { reminders, program } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('settings.title')}>{t('settings.title')}</PageTitle>
      <p>{t('settings.program', { program })}</p>
      <p>{t('settings.intro')}</p>
      <p>{t('settings.survey')}</p>
      <ErrorSummary error={failed?.error} />
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t('settings.saved')}</p>
        </Notice>
      ) : null}
      <PostForm className="stack">
        {reminders.map((r, i) => (
          <fieldset key={r.kind} className="stack">
            <legend>{t(`kind.${r.kind}.name`)}</legend>
            <ul className="hint">
              <li>{t(`kind.${r.kind}.when`, { count: r.days })}</li>
              <li>
                {t('settings.recipients', {
                  list: r.recipients.map((who) => t(`recipient.${who}`)).join(', '),
                })}
              </li>
              <li>{t(r.stoppable ? 'settings.stoppable' : 'settings.not_stoppable')}</li>
            </ul>
            <Checkbox
              name={`reminders.${i}.enabled`}
              label={t('settings.enabled')}
              defaultChecked={failed ? failed.values[`reminders.${i}.enabled`] === 'on' : r.enabled}
            />
            <TextField
              name={`reminders.${i}.days`}
              label={t('settings.days')}
              hint={t('settings.days_hint')}
              inputMode="numeric"
              required
              defaultValue={failed?.values[`reminders.${i}.days`] ?? String(r.days)}
              error={errors[`reminders.${i}.days`]}
            />
          </fieldset>
        ))}
        <SubmitButton>{t('settings.save')}</SubmitButton>
      </PostForm>
    </div>
  );
}
