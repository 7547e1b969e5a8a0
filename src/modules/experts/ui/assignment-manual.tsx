import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { FocusOn } from '../../../platform/ui/focus-on.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, TableWrap } from '../../../platform/ui/page.tsx';
import { useBoard } from './board.ts';

/** One business by hand: find it by name or NEQ, see its current expert, assign or reassign it. */
export function ManualSection() {
  const { t } = useTranslation('experts');
  const { page, manualFailed, errors, href, options } = useBoard();
  const { kept, found, chosen } = page;
  return (
    <section aria-labelledby="manual">
      <h2 id="manual" tabIndex={-1}>
        {t('ui.assignments.manual_title')}
      </h2>
      <p>{t('ui.assignments.manual_intro')}</p>
      <ErrorSummary error={page.searchError ?? undefined} />
      {/* A plain form: the browser keeps the #manual of its address, so the results show without
            scrolling past the proposal. */}
      <form method="get" action="/assignments#manual" className="filters">
        {(['program', 'propose', 'expert', 'page', 'upage'] as const).map((k) =>
          kept[k] ? <input key={k} type="hidden" name={k} value={kept[k]} /> : null,
        )}
        <TextField
          name="q"
          type="search"
          label={t('ui.assignments.search_label')}
          hint={t('ui.assignments.search_hint')}
          required
          defaultValue={kept.q ?? ''}
          error={page.searchError ? fieldErrors(page.searchError).q : undefined}
        />
        <div className="field">
          <SubmitButton variant="secondary">{t('ui.assignments.search_submit')}</SubmitButton>
        </div>
      </form>

      {found ? (
        found.total === 0 ? (
          <p role="status">{t('ui.assignments.found_none')}</p>
        ) : (
          <>
            <p role="status">
              {t('ui.assignments.found', { count: found.total, shown: found.items.length })}
            </p>
            <TableWrap label={t('ui.assignments.found_caption')}>
              <table className="data stacked found">
                <caption className="sr-only">{t('ui.assignments.found_caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.applicationId')}</th>
                    <th scope="col">{t('ui.assignments.neq_col')}</th>
                    <th scope="col">{t('ui.assignments.municipality_col')}</th>
                    <th scope="col">{t('ui.assignments.current_col')}</th>
                    <th scope="col">{t('ui.assignments.choose_col')}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.items.map((f) => (
                    <tr key={f.id} aria-current={chosen?.id === f.id ? 'true' : undefined}>
                      <th scope="row" data-label={t('fields.applicationId')}>
                        {f.name}
                      </th>
                      <td data-label={t('ui.assignments.neq_col')} className="mono">
                        {f.neq ?? '—'}
                      </td>
                      <td data-label={t('ui.assignments.municipality_col')}>{f.municipality ?? '—'}</td>
                      <td data-label={t('ui.assignments.current_col')}>
                        {f.expert ?? t('ui.assignments.no_expert')}
                      </td>
                      <td data-label={t('ui.assignments.choose_col')}>
                        {chosen?.id === f.id ? (
                          t('ui.assignments.chosen')
                        ) : (
                          <Link to={href({ business: f.id }, '#manual-business')}>
                            {t('ui.assignments.choose')}
                            <span className="sr-only"> {f.name}</span>
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )
      ) : null}

      {page.businessMissing ? (
        <Notice kind="warning">
          <p>{t('ui.assignments.business_missing')}</p>
        </Notice>
      ) : null}
      {/* The business just chosen takes the focus (and the screen), below the search results. */}
      <FocusOn when={chosen?.id} id="manual-business" className="card manual-business">
        {chosen ? (
          <>
            <h3>{chosen.name}</h3>
            <p>
              {chosen.municipality ? `${chosen.municipality} — ` : ''}
              {chosen.expert
                ? t('ui.assignments.current', { name: chosen.expert.name })
                : t('ui.assignments.no_expert_yet')}
            </p>
            {chosen.state !== 'coachable' ? (
              <Notice kind="warning">
                <p>{t(`ui.assignments.${chosen.state}`)}</p>
              </Notice>
            ) : (
              <PostForm className="stack" key={`${page.version}-${chosen.id}`}>
                <input type="hidden" name="intent" value="manual" />
                <input type="hidden" name="applicationId" value={chosen.id} />
                <SelectField
                  name="expertId"
                  label={chosen.expert ? t('ui.assignments.new_expert') : t('fields.expertId')}
                  hint={t('ui.assignments.places_hint')}
                  required
                  defaultValue={manualFailed?.values.expertId ?? ''}
                  error={manualFailed ? errors.expertId : undefined}
                  options={[
                    { value: '', label: t('ui.assignments.choose_expert') },
                    ...options(chosen.expert?.id),
                  ]}
                />
                <TextArea
                  name="reason"
                  label={chosen.expert ? t('fields.reason') : t('ui.assignments.reason_new')}
                  hint={
                    chosen.expert ? t('ui.assignments.reason_required') : t('ui.assignments.reason_optional')
                  }
                  required={Boolean(chosen.expert)}
                  rows={3}
                  maxLength={1000}
                  defaultValue={manualFailed?.values.reason ?? ''}
                  error={manualFailed ? errors.reason : undefined}
                />
                <SubmitButton>
                  {chosen.expert ? t('ui.assignments.reassign') : t('ui.assignments.assign')}
                </SubmitButton>
              </PostForm>
            )}
          </>
        ) : null}
      </FocusOn>
    </section>
  );
}
