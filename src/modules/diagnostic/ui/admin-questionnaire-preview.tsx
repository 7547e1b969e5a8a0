import { Trans, useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDateTime, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram, programQuery } from '../../programs/index.ts';
import { localiseQuestionnaire } from '../domain/questionnaire-view.ts';
import { getQuestionnaireContent } from '../use-cases/get-questionnaire-content.ts';
import { DiagnosticAdminLinks, VersionState } from './admin-shared.tsx';
import { QuestionFieldset } from './questionnaire-fields.tsx';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  authorize(ctx.actor, 'questionnaire.manage');
  const q = await getQuestionnaireContent(ctx, params.id ?? '');
  const url = new URL(request.url);
  const asked = url.searchParams.get('lang');
  // The language of the questionnaire shown; the page around it stays in the administrator's.
  const lang: Locale = asked === 'en' || asked === 'fr' ? asked : ctx.locale;
  const view = localiseQuestionnaire(q.content, lang);
  const count = view.dimensions.length;
  const n = Number(url.searchParams.get('part'));
  // The parts: each dimension as the retailer sees it, then the maturity levels of the results.
  const part = Number.isInteger(n) && n >= 1 && n <= count + 1 ? n : 1;
  const totalWeight = view.dimensions.reduce((sum, d) => sum + d.weight, 0);
  const questions = view.dimensions.flatMap((d) => d.questions);
  const dimension = part <= count ? view.dimensions[part - 1]! : null;
  return {
    // The versions page of this questionnaire's program.
    program: (await getProgram(ctx, q.programId)).slug,
    id: q.id,
    version: q.version,
    status: q.status,
    current: q.current,
    publishedAt: q.publishedAt ? formatDateTime(q.publishedAt, ctx.locale) : null,
    lang,
    admin: ctx.locale,
    part,
    parts: view.dimensions.map((d) => d.label),
    questionCount: questions.length,
    dimension: dimension
      ? {
          ...dimension,
          weight: formatNumber(dimension.weight, ctx.locale),
          share: formatNumber(
            totalWeight > 0 ? Math.round((dimension.weight / totalWeight) * 100) : 0,
            ctx.locale,
          ),
          questions: dimension.questions.map((question, qi) => {
            const controlling = question.condition
              ? questions.find((x) => x.id === question.condition!.questionId)
              : undefined;
            return {
              ...question,
              weight: formatNumber(q.content.dimensions[part - 1]!.questions[qi]!.weight ?? 1, ctx.locale),
              condition:
                question.condition && controlling
                  ? {
                      question: controlling.label,
                      choices: controlling.choices
                        .filter((c) => question.condition!.choiceIds.includes(c.id))
                        .map((c) => c.label),
                    }
                  : null,
            };
          }),
        }
      : null,
    levels: view.levels.map((l) => ({ ...l, min: formatNumber(l.min, ctx.locale) })),
  };
});

export default function QuestionnairePreview() {
  const { t } = useTranslation('diagnostic');
  const data = useLoaderData<typeof loader>();
  const {
    program,
    id,
    version,
    status,
    current,
    publishedAt,
    lang,
    admin,
    part,
    parts,
    questionCount,
    dimension,
    levels,
  } = data;
  // What the retailer reads around the questions ("Tick all that apply"), in the questionnaire's language.
  const { t: retailerT } = useTranslation('diagnostic', { lng: lang });
  const title = t('admin.preview.title', { version });
  const here = (p: number, l: string) => `/admin/diagnostic/questionnaires/${id}?part=${p}&lang=${l}`;
  const partLabels = [...parts, t('admin.preview.levels')];
  return (
    <div className="admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <DiagnosticAdminLinks here="other" />
      <p>
        <VersionState status={status} current={current} />{' '}
        {status === 'published' && publishedAt
          ? t('admin.preview.published_on', { date: publishedAt })
          : t('admin.preview.draft_note')}{' '}
        {t('admin.preview.counts', { dimensions: parts.length, questions: questionCount })}
      </p>
      {status === 'draft' ? (
        <ul className="actions admin-links">
          <li>
            <Link to={`/admin/diagnostic/questionnaires/${id}/edit`}>{t('admin.preview.edit')}</Link>
          </li>
          <li>
            <Link to={`/admin/diagnostic/questionnaires/${id}/json`}>{t('admin.preview.edit_json')}</Link>
          </li>
          <li>
            <Link to={`/admin/diagnostic${programQuery(program, { publish: id })}#confirm`}>
              {t('admin.preview.publish')}
            </Link>
          </li>
        </ul>
      ) : (
        <Notice>
          <p>{t('admin.preview.read_only')}</p>
        </Notice>
      )}
      <nav aria-label={t('admin.preview.language')} className="admin-language">
        <p id="preview-language">{t('admin.preview.language_intro')}</p>
        <ul className="actions">
          {(['fr', 'en'] as const).map((l) => (
            <li key={l}>
              <Link
                to={here(part, l)}
                lang={l}
                hrefLang={l}
                aria-current={l === lang ? 'true' : undefined}
                className={l === lang ? 'button button-primary' : 'button button-secondary'}
              >
                {l === lang ? <span aria-hidden="true">✓ </span> : null}
                {l === 'fr' ? 'Français' : 'English'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('admin.preview.parts')}>
        <ol className="steps">
          {partLabels.map((label, i) => (
            <li
              key={label}
              aria-current={i + 1 === part ? 'step' : undefined}
              lang={i < parts.length ? lang : undefined}
            >
              {i + 1 === part ? label : <Link to={here(i + 1, lang)}>{label}</Link>}
            </li>
          ))}
        </ol>
      </nav>
      <section className="admin-preview" aria-labelledby="preview-heading">
        {dimension ? (
          <>
            <h2 id="preview-heading" lang={lang}>
              {dimension.label}
            </h2>
            <p className="admin-note">
              {t('admin.preview.dimension_weight', { weight: dimension.weight, share: dimension.share })}
            </p>
            <div lang={lang}>
              <p>{dimension.description}</p>
              {dimension.questions.map((q) => (
                <QuestionFieldset
                  key={q.id}
                  question={q}
                  severalHint={retailerT('take.several')}
                  note={
                    <div className="admin-note" lang={admin}>
                      <p>
                        {t('admin.preview.question_facts', {
                          id: q.id,
                          weight: q.weight,
                          type: t(`admin.preview.type_${q.type}`),
                          required: q.optional ? t('admin.preview.optional') : t('admin.preview.required'),
                        })}
                      </p>
                      {q.condition ? (
                        <>
                          <p>
                            <Trans
                              t={t}
                              i18nKey="admin.preview.condition"
                              values={{ question: q.condition.question }}
                              components={{ q: <span lang={lang} /> }}
                            />
                          </p>
                          <ul className="bullets" lang={lang}>
                            {q.condition.choices.map((c) => (
                              <li key={c}>{c}</li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </div>
                  }
                  choiceNote={(c) => (
                    <span className="admin-score" lang={admin}>
                      {' '}
                      {t('admin.preview.score', { score: formatNumber(c.score, admin) })}
                    </span>
                  )}
                />
              ))}
            </div>
            <p className="admin-note">{t('admin.preview.buttons_note')}</p>
          </>
        ) : (
          <>
            <h2 id="preview-heading">{t('admin.preview.levels')}</h2>
            <p>{t('admin.preview.levels_intro')}</p>
            <DataTable
              caption={t('admin.preview.levels')}
              className="stacked admin-table"
              columns={[
                t('admin.preview.level_min'),
                t('admin.preview.level_label'),
                t('admin.preview.level_description'),
              ]}
            >
              {levels.map((l) => (
                <tr key={l.id}>
                  <td data-label={t('admin.preview.level_min')}>{l.min}</td>
                  <th scope="row" lang={lang}>
                    {l.label}
                  </th>
                  <td data-label={t('admin.preview.level_description')} lang={lang}>
                    {l.description}
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>
    </div>
  );
}
