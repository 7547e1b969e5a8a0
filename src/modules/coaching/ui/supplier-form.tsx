import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RegionsAndLanguages, TextArea } from '../../../platform/ui/choices.tsx';
import { PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { SUPPLIER_CATEGORIES } from '../domain/suppliers.ts';

export type SupplierValues = {
  name: string;
  categories: string[];
  regions: string[];
  languages: string[];
  website: string;
  descriptionFr: string;
  descriptionEn: string;
};

/** A web address as typed; `www.exemple.ca` gets its `https://`. Empty is none. */
function website(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return null;
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** The entry the form describes, for the use case. */
export function supplierInputOf(form: Record<string, string>, all: (name: string) => string[]) {
  return {
    name: form.name ?? '',
    categories: all('categories'),
    regions: all('regions'),
    languages: all('languages'),
    website: website(form.website),
    descriptionFr: form.descriptionFr ?? '',
    descriptionEn: form.descriptionEn ?? '',
  };
}

/** What the form shows after a failed submission: what was entered, boxes ticked included. */
export function valuesAfterFailure(failed: {
  values: Record<string, string>;
  allValues?: Record<string, string[]>;
}): SupplierValues {
  return {
    name: failed.values.name ?? '',
    categories: failed.allValues?.categories ?? [],
    regions: failed.allValues?.regions ?? [],
    languages: failed.allValues?.languages ?? [],
    website: failed.values.website ?? '',
    descriptionFr: failed.values.descriptionFr ?? '',
    descriptionEn: failed.values.descriptionEn ?? '',
  };
}

/** A directory entry's fields (the program team adds and edits them). */
export function SupplierForm({
  values,
  errors,
  submit,
}: {
  values: SupplierValues;
  errors: Record<string, string>;
  submit: string;
}) {
  const { t } = useTranslation('coaching');
  return (
    <PostForm className="stack">
      <input type="hidden" name="intent" value="save" />
      <TextField
        name="name"
        label={t('fields.name')}
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <CheckboxGroup
        name="categories"
        label={t('fields.categories')}
        required
        options={SUPPLIER_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        defaultValues={values.categories}
        error={errors.categories}
      />
      <RegionsAndLanguages
        labels={{
          regions: t('ui.supplier_form.regions'),
          regionsHint: t('ui.supplier_form.regions_hint'),
          languages: t('fields.languages'),
          languagesHint: t('ui.supplier_form.languages_hint'),
        }}
        languageName={(l) => t(`ui.languages.${l}`)}
        values={values}
        errors={errors}
      />
      <TextField
        name="website"
        type="url"
        label={t('fields.website')}
        hint={t('ui.supplier_form.website_hint')}
        defaultValue={values.website}
        error={errors.website}
      />
      <TextArea
        name="descriptionFr"
        label={t('fields.descriptionFr')}
        hint={t('ui.supplier_form.description_hint')}
        rows={4}
        maxLength={2000}
        defaultValue={values.descriptionFr}
        error={errors.descriptionFr}
      />
      <TextArea
        name="descriptionEn"
        label={t('fields.descriptionEn')}
        rows={4}
        maxLength={2000}
        defaultValue={values.descriptionEn}
        error={errors.descriptionEn}
      />
      <SubmitButton>{submit}</SubmitButton>
    </PostForm>
  );
}
