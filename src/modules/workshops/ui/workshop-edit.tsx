import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { getWorkshop } from '../use-cases/get-workshop.ts';
import { startWorkshop } from '../use-cases/start-workshop.ts';
import { updateWorkshop } from '../use-cases/update-workshop.ts';
import { WorkshopForm, workshopFieldsOf } from './workshop-form.tsx';

export const loader = pageLoader(async ({ ctx, params }) => {
  const { workshop: w } = await getWorkshop(ctx, params.id ?? '');
  const form = await startWorkshop(ctx, w.programId);
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    ...form,
    id: w.id,
    title: ctx.locale === 'fr' ? w.titleFr : w.titleEn,
    values: {
      titleFr: w.titleFr,
      titleEn: w.titleEn,
      descriptionFr: w.descriptionFr,
      descriptionEn: w.descriptionEn,
      topic: w.topic,
      language: w.language,
      format: w.format,
      place: text(w.place),
      link: text(w.link),
      // `startsAt` is Montréal's wall clock with its offset: the date and the minutes are as read there.
      'dates.0.date': w.startsAt.slice(0, 10),
      'dates.0.time': w.startsAt.slice(11, 16),
      durationMinutes: text(w.durationMinutes),
      capacity: text(w.capacity),
      audience: w.audience,
      region: text(w.region),
      facilitatorUserId: text(w.facilitatorUserId),
      offerHours: text(w.offerHours),
      minimumAttendancePercent: text(w.minimumAttendancePercent),
    } as Record<string, string>,
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const id = params.id ?? '';
  await withFieldNames({ 'date.date': 'dates.0.date', 'date.time': 'dates.0.time' }, () =>
    updateWorkshop(ctx, id, {
      ...workshopFieldsOf(form),
      date: { date: form['dates.0.date'] ?? '', time: form['dates.0.time'] ?? '' },
    }),
  );
  return redirect(`/workshops/${id}?saved=1`);
});

/** Changing a workshop before it starts (program team); the registered are told of a new time or place. */
export default function EditWorkshop() {
  const { t } = useTranslation('workshops');
  const { id, title, values, topics, facilitators } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const heading = t('ui.edit_title', { title });
  return (
    <div className="workshops-page">
      <PageTitle title={heading}>{heading}</PageTitle>
      <p>
        <Link to={`/workshops/${id}`}>{t('ui.detail_title', { title })}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      <WorkshopForm
        topics={topics}
        facilitators={facilitators}
        slots={[0]}
        v={(name, fallback = '') => failed?.values[name] ?? values[name] ?? fallback}
        errors={fieldErrors(failed?.error)}
        hidden={null}
        submit={t('ui.save')}
      />
    </div>
  );
}
