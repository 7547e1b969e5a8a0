import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { createSupplier } from '../use-cases/create-supplier.ts';
import { startSupplier } from '../use-cases/start-supplier.ts';
import { SupplierForm, supplierInputOf, valuesAfterFailure } from './supplier-form.tsx';

export const loader = pageLoader(({ ctx }) => ({ empty: startSupplier(ctx) }));

export const action = formAction(async ({ ctx, form, all }) => {
  const { id } = await createSupplier(ctx, supplierInputOf(form, all));
  return redirect(`/suppliers/${id}?created=1`);
});

/** Adding a supplier to the directory (program team). */
export default function NewSupplier() {
  const { t } = useTranslation('coaching');
  const { empty } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const title = t('ui.supplier_form.new_title');
  return (
    <div className="coaching-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/suppliers">{t('ui.supplier_form.back')}</Link>
      </p>
      <p>{t('ui.supplier_form.intro')}</p>
      <ErrorSummary error={failed?.error} />
      <SupplierForm
        values={failed ? valuesAfterFailure(failed) : empty}
        errors={fieldErrors(failed?.error)}
        submit={t('ui.supplier_form.create')}
      />
    </div>
  );
}
