import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RadioGroup, RegionsAndLanguages } from '../../../platform/ui/choices.tsx';
import { TextField } from '../../../platform/ui/forms.tsx';
import { SPECIALTY_IDS } from '../domain/specialties.ts';

export type ProfileValues = {
  name: string;
  regions: string[];
  languages: string[];
  specialties: string[];
  capacity: string;
};

/**
 * The fields an expert profile has on both forms (adding one, editing one): name, regions served,
 * languages, specialties, capacity. Checkbox groups are fieldsets with a legend.
 */
export function ProfileFields({
  values,
  errors,
  nameRequired,
  nameHint,
  capacityHint,
}: {
  values: ProfileValues;
  errors: Record<string, string>;
  nameRequired: boolean;
  nameHint?: ReactNode;
  capacityHint: ReactNode;
}) {
  const { t } = useTranslation('experts');
  return (
    <>
      <TextField
        name="name"
        label={t('fields.name')}
        hint={nameHint}
        required={nameRequired}
        autoComplete="off"
        defaultValue={values.name}
        error={errors.name}
      />
      <RegionsAndLanguages
        labels={{
          regions: t('fields.regions'),
          regionsHint: t('ui.profile.regions_hint'),
          languages: t('fields.languages'),
          languagesHint: t('ui.profile.languages_hint'),
        }}
        languageName={(l) => t(`ui.languages.${l}`)}
        values={values}
        errors={errors}
      />
      <CheckboxGroup
        name="specialties"
        label={t('fields.specialties')}
        hint={t('ui.profile.specialties_hint')}
        options={SPECIALTY_IDS.map((s) => ({ value: s, label: capitalise(t(`specialties.${s}`)) }))}
        defaultValues={values.specialties}
        error={errors.specialties}
      />
      <TextField
        name="capacity"
        label={t('fields.capacity')}
        hint={capacityHint}
        required
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.capacity}
        error={errors.capacity}
      />
    </>
  );
}

/** Availability: two radio buttons in a fieldset (a person on leave gets no new file). */
export function AvailabilityField({ value, error }: { value: string; error?: string }) {
  const { t } = useTranslation('experts');
  return (
    <RadioGroup
      name="status"
      label={t('fields.status')}
      hint={t('ui.profile.status_hint')}
      required
      options={(['active', 'on_leave'] as const).map((status) => ({
        value: status,
        label: t(`status.${status}`),
      }))}
      defaultValue={value}
      error={error}
    />
  );
}

/** Specialty names are written to follow « spécialité … » in reasons; alone, as a choice, they take a capital. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
