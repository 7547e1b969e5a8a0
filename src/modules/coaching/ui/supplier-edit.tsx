import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getSupplier } from '../use-cases/get-supplier.ts';
import { updateSupplier } from '../use-cases/update-supplier.ts';
import { Badge } from './fields.tsx';
import { SupplierForm, supplierInputOf, valuesAfterFailure } from './supplier-form.tsx';
import { versionOf } from './values.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const supplier = await getSupplier(ctx, params.id ?? '');
  return {
    supplier: {
      id: supplier.id,
      name: supplier.name,
      categories: supplier.categories,
      regions: supplier.regions,
      languages: supplier.languages,
      website: supplier.website ?? '',
      descriptionFr: supplier.descriptionFr,
      descriptionEn: supplier.descriptionEn,
      active: supplier.active,
    },
  };
});

export const action = formAction(async ({ ctx, form, all, params }) => {
  const id = params.id ?? '';
  if (form.intent === 'withdraw' || form.intent === 'restore') {
    await updateSupplier(ctx, id, { active: form.intent === 'restore' });
    return { done: form.intent };
  }
  await updateSupplier(ctx, id, supplierInputOf(form, all));
  return { done: 'saved' as const };
});

/** Editing a directory entry, or taking it out of the directory (its ratings are kept). */
export default function EditSupplier() {
  const { t } = useTranslation('coaching');
  const { supplier } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const done = result && 'done' in result ? result.done : search.has('created') ? 'created' : undefined;
  const title = t('ui.supplier_form.edit_title', { name: supplier.name });
  return (
    <div className="coaching-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/suppliers">{t('ui.supplier_form.back')}</Link>
      </p>
      <p>
        {supplier.active ? (
          <Badge kind="done">{t('ui.supplier_form.listed')}</Badge>
        ) : (
          <Badge kind="alert">{t('ui.suppliers.inactive_badge')}</Badge>
        )}
      </p>
      <ErrorSummary error={failed?.error} />
      {done ? (
        <Notice kind="success">
          <p>{t(`ui.supplier_form.done_${done}`)}</p>
        </Notice>
      ) : null}
      <SupplierForm
        key={versionOf(supplier)}
        values={failed && failed.values.intent === 'save' ? valuesAfterFailure(failed) : supplier}
        errors={fieldErrors(failed?.error)}
        submit={t('ui.supplier_form.save')}
      />
      <section aria-labelledby="listing-title" className="card coaching-gap">
        <h2 id="listing-title">{t('ui.supplier_form.listing_title')}</h2>
        <p>{supplier.active ? t('ui.supplier_form.withdraw_intro') : t('ui.supplier_form.restore_intro')}</p>
        <PostForm>
          <input type="hidden" name="intent" value={supplier.active ? 'withdraw' : 'restore'} />
          <SubmitButton variant={supplier.active ? 'danger' : 'secondary'}>
            {supplier.active ? t('ui.supplier_form.withdraw') : t('ui.supplier_form.restore')}
          </SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
