import { useTranslation } from 'react-i18next';
import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { LOCALES } from '../../../kernel/locale.ts';
import { REGION_CODES, regionName } from '../../../kernel/quebec.ts';
import { RadioGroup, regionOptions, TextArea } from '../../../platform/ui/choices.tsx';
import { ExportLinks } from '../../../platform/ui/exports.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { SUPPLIER_CATEGORIES } from '../domain/suppliers.ts';
import { getSupplierDirectory } from '../use-cases/get-supplier-directory.ts';
import { rateSupplier } from '../use-cases/rate-supplier.ts';
import { Badge } from './fields.tsx';
import { supplierFilters } from './supplier-filters.ts';
import { readable } from './values.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const { filters, set } = supplierFilters(new URL(request.url).searchParams);
  const { items, rateable, can } = await getSupplierDirectory(ctx, set);
  const mine = new Map(rateable.map((r) => [r.supplierId, r]));
  return {
    filters,
    manage: can.manage,
    exportSearch: `?${new URLSearchParams(set)}`,
    items: items.map((s) => {
      const own = mine.get(s.id);
      return {
        id: s.id,
        name: s.name,
        categories: s.categories,
        regions: s.regions.length >= REGION_CODES.length ? null : s.regions.map(regionName),
        languages: s.languages,
        website: s.website,
        description: s.description,
        active: s.active,
        rating: s.rating ? { average: readable(s.rating.average, ctx.locale), count: s.rating.count } : null,
        rate: own
          ? { applicationId: own.applicationId, rating: own.rating, comment: own.comment ?? '' }
          : null,
      };
    }),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  await rateSupplier(ctx, form.supplierId ?? '', {
    applicationId: form.applicationId,
    rating: formNumber(form.rating),
    ...(form.comment?.trim() ? { comment: form.comment } : {}),
  });
  return { rated: form.supplierId ?? '' };
});

/** The supplier directory: filters, entries in alphabetical order, ratings as facts; retailers rate the suppliers of their plan. */
export default function Suppliers() {
  const { t } = useTranslation('coaching');
  const { filters, items, manage, exportSearch } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const rated = result && 'rated' in result ? result.rated : undefined;
  const errors = fieldErrors(failed?.error);
  const failedFor = failed?.values.supplierId;
  const title = t('ui.suppliers.title');
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="coaching-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('ui.suppliers.intro')}</p>
      <p>
        <strong>{t('ui.suppliers.neutral')}</strong>
      </p>
      {manage ? (
        <p className="actions">
          <Link to="/suppliers/new" className="button button-primary">
            {t('ui.suppliers.add')}
          </Link>
        </p>
      ) : null}
      {manage ? <ExportLinks page="/suppliers" search={exportSearch} /> : null}
      <ErrorSummary
        error={failed?.error}
        hrefFor={(path) => `#rate-${failedFor}-${path === 'applicationId' ? 'rating' : path}`}
      />
      {rated ? (
        <Notice kind="success">
          <p>{t('ui.suppliers.rated')}</p>
        </Notice>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label={t('ui.suppliers.filters')}>
        <TextField
          id="filter-q"
          name="q"
          type="search"
          label={t('ui.suppliers.q')}
          defaultValue={filters.q}
        />
        <SelectField
          id="filter-category"
          name="category"
          label={t('ui.suppliers.category')}
          defaultValue={filters.category}
          options={[
            { value: '', label: t('ui.all_f') },
            ...SUPPLIER_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
          ]}
        />
        <SelectField
          id="filter-region"
          name="region"
          label={t('ui.suppliers.region')}
          defaultValue={filters.region}
          options={[{ value: '', label: t('ui.all_f') }, ...regionOptions()]}
        />
        <SelectField
          id="filter-language"
          name="language"
          label={t('ui.suppliers.language')}
          defaultValue={filters.language}
          options={[
            { value: '', label: t('ui.all_f') },
            ...LOCALES.map((l) => ({ value: l, label: t(`ui.languages.${l}`) })),
          ]}
        />
        <div className="field">
          <SubmitButton variant="secondary">{t('ui.suppliers.filter')}</SubmitButton>
        </div>
      </Form>
      {filtered ? (
        <p>
          <Link to="/suppliers">{t('ui.suppliers.clear')}</Link>
        </p>
      ) : null}
      <p role="status">{t('ui.suppliers.count', { count: items.length })}</p>
      {items.length === 0 ? (
        <p>{t('ui.suppliers.none')}</p>
      ) : (
        <ul className="supplier-list">
          {items.map((s) => (
            <li key={s.id}>
              <article id={`supplier-${s.id}`} aria-labelledby={`supplier-${s.id}-name`} className="card">
                <h2 id={`supplier-${s.id}-name`}>{s.name}</h2>
                {s.active ? null : (
                  <p>
                    <Badge kind="alert">{t('ui.suppliers.inactive_badge')}</Badge>
                  </p>
                )}
                {s.description ? <p className="coaching-pre">{s.description}</p> : null}
                <dl className="facts">
                  <div>
                    <dt>{t('fields.categories')}</dt>
                    <dd>{s.categories.map((c) => t(`categories.${c}`)).join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('fields.regions')}</dt>
                    <dd>{s.regions ? s.regions.join(', ') : t('ui.suppliers.all_regions')}</dd>
                  </div>
                  <div>
                    <dt>{t('fields.languages')}</dt>
                    <dd>{s.languages.map((l) => t(`ui.languages.${l}`)).join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('fields.website')}</dt>
                    <dd>
                      {s.website ? (
                        <a href={s.website} rel="noopener noreferrer">
                          {s.website}
                        </a>
                      ) : (
                        '—'
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('ui.suppliers.rating')}</dt>
                    <dd>
                      {s.rating
                        ? t('ui.suppliers.average', { average: s.rating.average, count: s.rating.count })
                        : t('ui.suppliers.no_rating')}
                    </dd>
                  </div>
                </dl>
                {manage ? (
                  <p>
                    <Link to={`/suppliers/${s.id}`}>
                      {t('ui.suppliers.edit')}
                      <span className="sr-only"> {s.name}</span>
                    </Link>
                  </p>
                ) : null}
                {s.rate ? (
                  <RateForm
                    supplier={s}
                    rate={s.rate}
                    errors={failedFor === s.id ? errors : {}}
                    values={failedFor === s.id ? failed?.values : undefined}
                    justRated={rated === s.id}
                  />
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['items'][number];

function RateForm({
  supplier: s,
  rate,
  errors,
  values,
  justRated,
}: {
  supplier: Item;
  rate: NonNullable<Item['rate']>;
  errors: Record<string, string>;
  values: Record<string, string> | undefined;
  justRated: boolean;
}) {
  const { t } = useTranslation('coaching');
  const failed = values !== undefined;
  return (
    <details className="coaching-details" open={failed || justRated}>
      <summary>
        {rate.rating === null
          ? t('ui.suppliers.rate', { name: s.name })
          : t('ui.suppliers.your_rating', { rating: rate.rating, name: s.name })}
      </summary>
      <PostForm className="stack" key={`${rate.rating}:${rate.comment}`}>
        <input type="hidden" name="supplierId" value={s.id} />
        <input type="hidden" name="applicationId" value={rate.applicationId} />
        <p className="hint">{t('ui.suppliers.rate_hint')}</p>
        <RadioGroup
          id={`rate-${s.id}-rating`}
          name="rating"
          label={t('ui.suppliers.your_score')}
          required
          defaultValue={values?.rating ?? (rate.rating === null ? undefined : String(rate.rating))}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`ui.scale.${n}`) }))}
          error={errors.rating ?? errors.applicationId}
        />
        <TextArea
          id={`rate-${s.id}-comment`}
          name="comment"
          label={t('fields.comment')}
          rows={3}
          maxLength={2000}
          defaultValue={values?.comment ?? rate.comment}
          error={errors.comment}
        />
        <SubmitButton>{t('ui.suppliers.rate_submit')}</SubmitButton>
      </PostForm>
    </details>
  );
}
