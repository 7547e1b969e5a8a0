import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { createWorkshops } from '../use-cases/create-workshops.ts';
import { startWorkshop } from '../use-cases/start-workshop.ts';
import { WorkshopForm, workshopFieldsOf } from './workshop-form.tsx';

/** The form's dates: the first is required, two more make a series. */
const DATE_SLOTS = [0, 1, 2] as const;

export const loader = pageLoader(({ ctx }) => startWorkshop(ctx));

export const action = formAction(async ({ ctx, form }) => {
  const created = await createWorkshops(ctx, {
    programId: form.programId,
    ...workshopFieldsOf(form),
    dates: DATE_SLOTS.filter((i) => i === 0 || form[`dates.${i}.date`]).map((i) => ({
      date: form[`dates.${i}.date`] ?? '',
      time: form[`dates.${i}.time`] ?? '',
    })),
  });
  return redirect(`/workshops/${created.items[0]!.id}?created=1`);
});

/** Creating a workshop or a series (program team); it stays a draft until published. */
export default function NewWorkshop() {
  const { t } = useTranslation('workshops');
  const { programId, topics, facilitators } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const title = t('ui.new');
  return (
    <div className="workshops-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/workshops">{t('ui.staff_title')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      <WorkshopForm
        topics={topics}
        facilitators={facilitators}
        slots={DATE_SLOTS}
        v={(name, fallback = '') => failed?.values[name] ?? fallback}
        errors={fieldErrors(failed?.error)}
        hidden={<input type="hidden" name="programId" value={programId} />}
        submit={t('ui.create')}
      />
    </div>
  );
}
