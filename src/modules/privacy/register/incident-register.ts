import type { ExportTable } from '../../../platform/exports/table.ts';
import type { PrivacyIncident } from '../use-cases/list-privacy-incidents.ts';

const yesNo = (value: boolean) => (value ? 'privacy:incidents.yes' : 'privacy:incidents.no');

/**
 * The register as the Commission reads it: one column per content of Reg. r.3.1 s.7, in its
 * order. The CSV writes these columns; the PDF prints the same ones, one incident at a time.
 */
export const incidentRegisterTable: ExportTable<PrivacyIncident> = {
  title: 'privacy:incidents.register_title',
  columns: [
    {
      header: 'privacy:incidents.fields.informationInvolved',
      type: 'text',
      value: (i) => i.informationInvolved,
    },
    { header: 'privacy:incidents.fields.circumstances', type: 'text', value: (i) => i.circumstances },
    { header: 'privacy:incidents.fields.occurredFrom', type: 'day', value: (i) => i.occurredFrom },
    { header: 'privacy:incidents.fields.occurredTo', type: 'day', value: (i) => i.occurredTo },
    { header: 'privacy:incidents.fields.learnedOn', type: 'day', value: (i) => i.learnedOn },
    { header: 'privacy:incidents.fields.personsAffected', type: 'number', value: (i) => i.personsAffected },
    {
      header: 'privacy:incidents.fields.personsApproximate',
      type: 'text',
      value: (i, t) => t(yesNo(i.personsApproximate)),
    },
    { header: 'privacy:incidents.fields.riskAssessment', type: 'text', value: (i) => i.riskAssessment },
    {
      header: 'privacy:incidents.fields.seriousRisk',
      type: 'text',
      value: (i, t) => t(yesNo(i.seriousRisk)),
    },
    {
      header: 'privacy:incidents.fields.commissionNotifiedOn',
      type: 'day',
      value: (i) => i.commissionNotifiedOn,
    },
    { header: 'privacy:incidents.fields.personsNotifiedOn', type: 'day', value: (i) => i.personsNotifiedOn },
    { header: 'privacy:incidents.fields.publicNotice', type: 'text', value: (i) => i.publicNotice },
    { header: 'privacy:incidents.fields.measures', type: 'text', value: (i) => i.measures },
    { header: 'privacy:incidents.fields.keptUntil', type: 'day', value: (i) => i.keptUntil },
    { header: 'privacy:incidents.fields.id', type: 'text', value: (i) => i.id },
  ],
};
