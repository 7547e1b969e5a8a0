import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listProgramSurveys, SURVEY_STATES, SURVEY_WAVES } from '../use-cases/list-program-surveys.ts';
import { loadProgramList, SURVEY_LIST_FILTERS } from './program-list-loader.ts';
import { ProgramListPage } from './program-lists.tsx';
import { readable } from './values.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const { items, ...frame } = await loadProgramList(ctx, request, SURVEY_LIST_FILTERS, (input) =>
    listProgramSurveys(ctx, input),
  );
  return {
    ...frame,
    items: items.map((s) => ({
      id: s.id,
      business: s.business ?? '—',
      expert: s.expertName,
      wave: s.wave,
      due: formatDate(s.dueAt),
      state: s.answeredAt ? 'answered' : s.sentAt ? 'sent' : 'unsent',
      answeredOn: s.answeredAt ? formatDate(s.answeredAt) : null,
      answers: s.answers
        ? {
            share: readable(s.answers.onlineSalesShare, ctx.locale),
            expert: s.answers.satisfactionExpert,
            program: s.answers.satisfactionProgram,
          }
        : null,
    })),
  };
});

/** Every outcome survey of the program, latest due first, for the program team; each leads to its answers. */
export default function ProgramSurveys() {
  const { t } = useTranslation('coaching');
  const { items, next, ...frame } = useLoaderData<typeof loader>();
  return (
    <ProgramListPage
      list="surveys"
      frame={frame}
      period
      choices={[
        {
          name: 'wave',
          label: t('fields.wave'),
          options: SURVEY_WAVES.map((w) => ({ value: w, label: t(`ui.survey.wave_${w}`) })),
        },
        {
          name: 'state',
          label: t('fields.state'),
          options: SURVEY_STATES.map((s) => ({ value: s, label: t(`ui.lists.state_${s}`) })),
        },
      ]}
    >
      {items.length === 0 ? (
        <p>{t('ui.lists.none')}</p>
      ) : (
        <DataTable
          caption={t('ui.lists.surveys_title')}
          className="stacked"
          next={next}
          nextLabel={t('ui.lists.next_page')}
          columns={[
            t('ui.caseload.business'),
            t('exports.expert'),
            t('fields.wave'),
            t('ui.lists.due'),
            t('fields.state'),
            t('ui.lists.answers'),
          ]}
        >
          {items.map((s) => (
            <tr key={s.id}>
              <th scope="row" data-label={t('ui.caseload.business')}>
                <Link to={`/surveys/${s.id}`}>{s.business}</Link>
              </th>
              <td data-label={t('exports.expert')}>{s.expert ?? t('ui.lists.no_expert')}</td>
              <td data-label={t('fields.wave')}>{t(`ui.survey.wave_${s.wave}`)}</td>
              <td data-label={t('ui.lists.due')}>{s.due}</td>
              <td data-label={t('fields.state')}>
                {t(`ui.lists.state_${s.state}`)}
                {s.answeredOn ? ` ${s.answeredOn}` : null}
              </td>
              <td data-label={t('ui.lists.answers')}>
                {s.answers ? t('ui.lists.answers_summary', s.answers) : '—'}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </ProgramListPage>
  );
}
