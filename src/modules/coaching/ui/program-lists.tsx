import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import type { LocalisedError } from '../../../platform/http/problem.ts';
import { ExportLinks } from '../../../platform/ui/exports.tsx';
import {
  ErrorSummary,
  fieldErrors,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import type { ProgramListFilter } from './program-list-loader.ts';

const LISTS = ['sessions', 'plans', 'surveys'] as const;
type Choice = { value: string; label: string };

/** What the loader of every coaching list gives its page (`loadProgramList`), rows aside. */
type ListFrame = {
  program: string;
  programs: Choice[];
  experts: Choice[];
  filters: Partial<Record<ProgramListFilter, string>>;
  filtered: boolean;
  exportSearch: string;
  error: LocalisedError | null;
};

/**
 * The frame of the program team's coaching lists: title, the way to the other two, the filter form
 * (program, expert, the list's own choices, the period if it has one), errors, exports, then the list.
 */
export function ProgramListPage({
  list,
  frame,
  choices,
  period,
  children,
}: {
  list: (typeof LISTS)[number];
  frame: ListFrame;
  /** The list's own filters: a select each. */
  choices: { name: ProgramListFilter; label: string; options: Choice[] }[];
  period: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('coaching');
  const title = t(`ui.lists.${list}_title`);
  const errors = fieldErrors(frame.error ?? undefined);
  const programSearch = frame.programs.length > 1 ? `?program=${frame.program}` : '';
  return (
    <div className="coaching-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t(`ui.lists.${list}_intro`)}</p>
      <nav aria-label={t('ui.lists.nav')} className="coaching-tabs">
        <ul>
          {LISTS.map((l) => (
            <li key={l}>
              <Link to={`/${l}${programSearch}`} aria-current={l === list ? 'page' : undefined}>
                {t(`exports.${l}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorSummary error={frame.error ?? undefined} hrefFor={(path) => `#filter-${path}`} />
      <Form method="get" className="filters" role="search" aria-label={t('ui.lists.filters')}>
        {frame.programs.length > 1 ? (
          <SelectField
            id="filter-program"
            name="program"
            label={t('ui.lists.program')}
            defaultValue={frame.program}
            options={frame.programs}
          />
        ) : null}
        <SelectField
          id="filter-expertId"
          name="expertId"
          label={t('fields.expertId')}
          defaultValue={frame.filters.expertId ?? ''}
          options={[{ value: '', label: t('ui.lists.all') }, ...frame.experts]}
          error={errors.expertId}
        />
        {choices.map((c) => (
          <SelectField
            key={c.name}
            id={`filter-${c.name}`}
            name={c.name}
            label={c.label}
            defaultValue={frame.filters[c.name] ?? ''}
            options={[{ value: '', label: t('ui.lists.all') }, ...c.options]}
            error={errors[c.name]}
          />
        ))}
        {period
          ? (['from', 'to'] as const).map((end) => (
              <TextField
                key={end}
                id={`filter-${end}`}
                name={end}
                type="date"
                label={t(`fields.${end}`)}
                defaultValue={frame.filters[end] ?? ''}
                error={errors[end]}
              />
            ))
          : null}
        <div className="field">
          <SubmitButton variant="secondary">{t('ui.lists.filter')}</SubmitButton>
        </div>
      </Form>
      {frame.filtered ? (
        <p>
          <Link to={`/${list}${programSearch}`}>{t('ui.lists.clear')}</Link>
        </p>
      ) : null}
      {frame.error ? null : <ExportLinks page={`/${list}`} search={frame.exportSearch} />}
      {children}
    </div>
  );
}
