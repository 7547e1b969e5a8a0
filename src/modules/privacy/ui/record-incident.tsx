import { useTranslation } from 'react-i18next';
import { redirect, useActionData } from 'react-router';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { recordPrivacyIncident } from '../use-cases/record-privacy-incident.ts';
import { IncidentForm, incidentFromForm } from './incident-form.tsx';

export const loader = pageLoader(({ ctx }) => {
  authorize(ctx.actor, 'privacy_incident.record');
  return null;
});

export const action = formAction(async ({ ctx, form }) => {
  await recordPrivacyIncident(ctx, incidentFromForm(form));
  return redirect('/privacy?recorded');
});

/** A new entry of the register. */
export default function RecordIncident() {
  const { t } = useTranslation('privacy');
  const failed = useActionData<typeof action>();
  const title = t('incidents.ui.title');
  return (
    <div className="privacy-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('incidents.ui.intro')}</p>
      <IncidentForm
        action="/privacy/incidents/new"
        values={{}}
        failed={failed}
        submit={t('incidents.ui.submit')}
      />
    </div>
  );
}
