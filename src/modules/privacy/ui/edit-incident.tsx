import { useTranslation } from 'react-i18next';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getPrivacyIncident } from '../use-cases/get-privacy-incident.ts';
import { listPrivacyIncidentVersions } from '../use-cases/list-privacy-incident-versions.ts';
import { updatePrivacyIncident } from '../use-cases/update-privacy-incident.ts';
import { IncidentForm, incidentFromForm } from './incident-form.tsx';

export const loader = pageLoader(async ({ ctx, params }) => {
  authorize(ctx.actor, 'privacy_incident.record');
  const incident = await getPrivacyIncident(ctx, params.id ?? '');
  const versions = await listPrivacyIncidentVersions(ctx, incident.id);
  const text = (v: string | null) => v ?? '';
  return {
    id: incident.id,
    version: incident.version,
    values: {
      informationInvolved: incident.informationInvolved,
      circumstances: incident.circumstances,
      occurredFrom: incident.occurredFrom,
      occurredTo: text(incident.occurredTo),
      learnedOn: incident.learnedOn,
      personsAffected: String(incident.personsAffected),
      personsApproximate: incident.personsApproximate ? 'on' : '',
      riskAssessment: incident.riskAssessment,
      seriousRisk: incident.seriousRisk ? 'yes' : 'no',
      'notices.commissionNotifiedOn': text(incident.commissionNotifiedOn),
      'notices.personsNotifiedOn': text(incident.personsNotifiedOn),
      'notices.publicNotice': text(incident.publicNotice),
      measures: incident.measures,
      adviceToPersons: text(incident.adviceToPersons),
    },
    history: versions.map((v) => ({
      version: v.version,
      writtenAt: formatDateTime(v.writtenAt, ctx.locale),
      personsAffected: v.entry.personsAffected,
      measures: v.entry.measures,
    })),
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  await updatePrivacyIncident(ctx, params.id ?? '', incidentFromForm(form));
  return redirect('/privacy?updated');
});

/** An entry of the register brought up to date; its earlier versions listed below, as kept. */
export default function EditIncident() {
  const { t } = useTranslation('privacy');
  const { id, version, values, history } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const title = t('incidents.ui.edit_title');
  return (
    <div className="privacy-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('incidents.ui.edit_intro', { version })}</p>
      <IncidentForm
        action={`/privacy/incidents/${id}/edit`}
        values={values}
        failed={failed}
        submit={t('incidents.ui.update')}
      />
      <section aria-labelledby="history">
        <h2 id="history">{t('incidents.ui.history')}</h2>
        {history.length === 0 ? (
          <p>{t('incidents.ui.no_history')}</p>
        ) : (
          <DataTable
            caption={t('incidents.ui.history')}
            columns={[
              t('incidents.ui.col_version'),
              t('incidents.ui.col_written'),
              t('incidents.ui.col_persons'),
              t('incidents.fields.measures'),
            ]}
          >
            {history.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{v.writtenAt}</td>
                <td className="numeric">{v.personsAffected}</td>
                <td>{v.measures}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
