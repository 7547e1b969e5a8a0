import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, TableWrap } from '../../../platform/ui/page.tsx';
import { PAGE_SIZE } from './assignment-form.ts';
import { useBoard } from './board.ts';

/**
 * The proposal: run it, see it per expert, then confirm its rows a page at a time, each row's expert
 * changeable; the businesses left out, with why.
 */
export function ProposalSection() {
  const { t } = useTranslation('experts');
  const { page, rowsFailed, errors, expertName, href, options } = useBoard();
  const { kept, experts, proposal: p } = page;
  return (
    <section aria-labelledby="proposal">
      <h2 id="proposal" tabIndex={-1}>
        {t('ui.assignments.proposal_title')}
      </h2>
      <p>{t('ui.assignments.proposal_intro')}</p>
      <Form method="get">
        <input type="hidden" name="propose" value="1" />
        {kept.program ? <input type="hidden" name="program" value={kept.program} /> : null}
        {kept.q ? <input type="hidden" name="q" value={kept.q} /> : null}
        {kept.business ? <input type="hidden" name="business" value={kept.business} /> : null}
        <SubmitButton variant={p ? 'secondary' : 'primary'}>
          {p ? t('ui.assignments.rerun') : t('ui.assignments.run')}
        </SubmitButton>
      </Form>

      {p ? (
        p.waiting === 0 ? (
          <Notice>
            <p>{t('ui.assignments.nobody_waiting')}</p>
          </Notice>
        ) : (
          <>
            <p role="status">{t('ui.assignments.summary', p.shown)}</p>
            <TableWrap label={t('ui.assignments.by_expert')}>
              <table className="data stacked by-expert">
                <caption>{t('ui.assignments.by_expert')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.expertId')}</th>
                    <th scope="col">{t('ui.assignments.free_now')}</th>
                    <th scope="col">{t('ui.assignments.proposed_count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {experts.map((e) => {
                    const count = p.perExpert[e.id]?.count ?? 0;
                    const shown = p.perExpert[e.id]?.shown ?? '0';
                    return (
                      <tr key={e.id} aria-current={p.expert === e.id ? 'true' : undefined}>
                        <th scope="row" data-label={t('fields.expertId')}>
                          {e.name}
                          {e.active ? null : <div className="hint">{t('status.on_leave')}</div>}
                        </th>
                        <td data-label={t('ui.assignments.free_now')}>{e.freeShown}</td>
                        <td data-label={t('ui.assignments.proposed_count')}>
                          {count === 0 || p.expert === e.id ? (
                            shown
                          ) : (
                            <Link to={href({ expert: e.id, page: '' }, '#proposed')}>
                              {t('ui.assignments.show_expert', { count, shown, name: e.name })}
                            </Link>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
            {p.expert ? (
              <p>
                {t('ui.assignments.filtered', { name: expertName.get(p.expert) ?? '' })}{' '}
                <Link to={href({ expert: '', page: '' }, '#proposed')}>{t('ui.assignments.show_all')}</Link>
              </p>
            ) : null}

            <h3 id="proposed" tabIndex={-1}>
              {t('ui.assignments.proposed_title')}
            </h3>
            <p className="hint">
              {t('ui.assignments.scoring', {
                region: page.scoring.region,
                continuity: page.scoring.continuity,
                weakest: page.scoring.weakest,
                second: page.scoring.secondWeakest,
              })}
            </p>
            {p.rows.total === 0 ? (
              <p>{t('ui.assignments.no_rows')}</p>
            ) : (
              <PostForm key={page.version} aria-labelledby="proposed">
                <input type="hidden" name="intent" value="confirm" />
                {/* The same button above the table: a keyboard user confirms without crossing every row. */}
                <p className="confirm-top">
                  <SubmitButton>{t('ui.assignments.confirm_submit')}</SubmitButton>
                </p>
                <TableWrap label={t('ui.assignments.proposed_title')}>
                  <table className="data stacked proposal">
                    <caption>{t('ui.assignments.proposed_caption', p.rows.shown)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('ui.assignments.confirm_col')}</th>
                        <th scope="col">{t('fields.applicationId')}</th>
                        <th scope="col">{t('ui.assignments.expert_col')}</th>
                        <th scope="col">{t('ui.assignments.score_col')}</th>
                        <th scope="col">{t('ui.assignments.reasons_col')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.rows.items.map((a) => {
                        const field = `expert-${a.applicationId}`;
                        const conflict = rowsFailed?.conflictRow === a.applicationId;
                        const message = errors[field] ?? (conflict ? rowsFailed?.error.detail : undefined);
                        const checked = rowsFailed
                          ? (rowsFailed.allValues.confirm ?? []).includes(a.applicationId)
                          : true;
                        const chosenExpert = rowsFailed?.values[field] ?? a.expertId;
                        return (
                          <tr key={a.applicationId} className={message ? 'row-error' : undefined}>
                            <td data-label={t('ui.assignments.confirm_col')}>
                              <input
                                type="checkbox"
                                name="confirm"
                                value={a.applicationId}
                                id={`field-confirm-${a.applicationId}`}
                                defaultChecked={checked}
                                aria-label={t('ui.assignments.confirm_one', { business: a.business })}
                              />
                            </td>
                            <th scope="row" data-label={t('fields.applicationId')}>
                              <Link to={`/review/applications/${a.applicationId}`}>{a.business}</Link>
                            </th>
                            <td data-label={t('ui.assignments.expert_col')}>
                              <label htmlFor={`field-${field}`} className="sr-only">
                                {t('ui.assignments.expert_for', { business: a.business })}
                              </label>
                              {message ? (
                                <p id={`error-${field}`} className="error-message">
                                  {message}
                                </p>
                              ) : null}
                              <select
                                id={`field-${field}`}
                                name={field}
                                defaultValue={chosenExpert}
                                aria-invalid={message ? true : undefined}
                                aria-describedby={message ? `error-${field}` : undefined}
                              >
                                {options().map((o) => (
                                  <option key={o.value} value={o.value}>
                                    {o.label}
                                  </option>
                                ))}
                              </select>
                              {a.expertId !== chosenExpert ? (
                                <div className="hint">
                                  {t('ui.assignments.was_proposed', {
                                    name: expertName.get(a.expertId) ?? '',
                                  })}
                                </div>
                              ) : null}
                            </td>
                            <td data-label={t('ui.assignments.score_col')} className="number">
                              {a.scoreShown}
                            </td>
                            <td data-label={t('ui.assignments.reasons_col')}>
                              <ul className="reasons">
                                {a.reasons.map((r) => (
                                  <li key={r}>{r}</li>
                                ))}
                              </ul>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableWrap>
                <p className="hint">{t('ui.assignments.confirm_hint', { size: PAGE_SIZE })}</p>
                <SubmitButton>{t('ui.assignments.confirm_submit')}</SubmitButton>
              </PostForm>
            )}
            <Pager
              label={t('ui.assignments.proposed_pages')}
              page={p.rows.page}
              pages={p.rows.pages}
              shown={p.rows.shown}
              to={(n) => href({ page: String(n) }, '#proposed')}
            />

            {p.unassigned.total > 0 ? (
              <>
                <h3 id="unassigned" tabIndex={-1}>
                  {t('ui.assignments.unassigned_title', {
                    count: p.unassigned.total,
                    shown: p.unassigned.shown.total,
                  })}
                </h3>
                <TableWrap label={t('ui.assignments.unassigned_caption')}>
                  <table className="data stacked unassigned">
                    <caption>{t('ui.assignments.unassigned_rows', p.unassigned.shown)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('fields.applicationId')}</th>
                        <th scope="col">{t('ui.assignments.why_col')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.unassigned.items.map((u) => (
                        <tr key={u.applicationId}>
                          <th scope="row" data-label={t('fields.applicationId')}>
                            <Link to={`/review/applications/${u.applicationId}`}>{u.business}</Link>
                          </th>
                          <td data-label={t('ui.assignments.why_col')}>{u.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
                <Pager
                  label={t('ui.assignments.unassigned_pages')}
                  page={p.unassigned.page}
                  pages={p.unassigned.pages}
                  shown={p.unassigned.shown}
                  to={(n) => href({ upage: String(n) }, '#unassigned')}
                />
              </>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}

/** Previous and next pages of a long table, with where the reader is. */
function Pager({
  label,
  page,
  pages,
  shown,
  to,
}: {
  label: string;
  page: number;
  pages: number;
  shown: { page: string; pages: string };
  to: (page: number) => string;
}) {
  const { t } = useTranslation('experts');
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      <p>{t('ui.pager.position', { page: shown.page, pages: shown.pages })}</p>
      <ul className="actions">
        {page > 1 ? (
          <li>
            <Link to={to(page - 1)}>{t('ui.pager.previous')}</Link>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <Link to={to(page + 1)}>{t('ui.pager.next')}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
