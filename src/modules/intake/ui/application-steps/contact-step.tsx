import { useTranslation } from 'react-i18next';
import { regionName } from '../../../../kernel/quebec.ts';
import { TextArea } from '../../../../platform/ui/choices.tsx';
import { TextField } from '../../../../platform/ui/forms.tsx';
import { given, optional, type SentForm, type StepProps } from './steps.ts';

/** Step 2: where the business is and how to reach it; the municipality comes from the official list. */
export function ContactStep({
  application,
  v,
  e,
  municipalities,
}: StepProps & { municipalities: { value: string; label: string }[] }) {
  const { t } = useTranslation('intake');
  const b = application.business;
  return (
    <>
      <TextField
        name="street"
        label={t('fields.business.street')}
        hint={t('ui.hints.street')}
        required
        autoComplete="street-address"
        defaultValue={v('street', b.street)}
        error={e('street')}
      />
      <div className={e('municipality') ? 'field field-error' : 'field'}>
        <label htmlFor="field-municipality">{t('fields.business.municipality')}</label>
        <p id="municipality-hint" className="hint">
          {t('ui.hints.municipality')}
        </p>
        {e('municipality') ? (
          <p id="municipality-error" className="error-message">
            {e('municipality')}
          </p>
        ) : null}
        <input
          id="field-municipality"
          name="municipality"
          list="municipalities"
          autoComplete="address-level2"
          required
          defaultValue={v('municipality', b.municipality)}
          aria-invalid={e('municipality') ? true : undefined}
          aria-describedby={e('municipality') ? 'municipality-hint municipality-error' : 'municipality-hint'}
        />
        <datalist id="municipalities">
          {municipalities.map((m) => (
            <option key={m.value} value={m.value} label={m.label} />
          ))}
        </datalist>
      </div>
      {b.region ? (
        <p className="hint">
          {t('ui.hints.region_found', {
            region: regionName(b.region),
          })}
        </p>
      ) : null}
      <TextField
        name="postalCode"
        label={t('fields.business.postalCode')}
        hint={t('ui.hints.postal_code')}
        required
        autoComplete="postal-code"
        defaultValue={v('postalCode', b.postalCode)}
        error={e('postalCode')}
      />
      <TextField
        name="phone"
        type="tel"
        label={t('fields.business.phone')}
        required
        autoComplete="tel"
        defaultValue={v('phone', b.phone)}
        error={e('phone')}
      />
      <TextField
        name="email"
        type="email"
        label={t('fields.business.email')}
        required
        autoComplete="email"
        defaultValue={v('email', b.email)}
        error={e('email')}
      />
      <TextField
        name="website"
        type="url"
        label={t('fields.business.website')}
        hint={t('ui.hints.website')}
        autoComplete="url"
        defaultValue={v('website', b.website)}
        error={e('website')}
      />
      <TextArea
        name="socialLinks"
        label={t('fields.business.socialLinks')}
        hint={t('ui.hints.social')}
        rows={3}
        defaultValue={v('socialLinks', b.socialLinks.join('\n'))}
        error={e('socialLinks')}
      />
      <TextField
        name="contactName"
        label={t('fields.business.contactName')}
        required
        autoComplete="name"
        defaultValue={v('contactName', b.contactName)}
        error={e('contactName')}
      />
      <TextField
        name="contactPhone"
        type="tel"
        label={t('fields.business.contactPhone')}
        autoComplete="tel"
        defaultValue={v('contactPhone', b.contactPhone)}
        error={e('contactPhone')}
      />
    </>
  );
}

export const contactChanges = ({ form }: SentForm) => ({
  business: {
    street: given(form, 'street'),
    municipality: given(form, 'municipality'),
    postalCode: given(form, 'postalCode'),
    phone: given(form, 'phone'),
    email: given(form, 'email'),
    website: optional(form, 'website'),
    socialLinks: (form.socialLinks ?? '')
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean),
    contactName: given(form, 'contactName'),
    contactPhone: optional(form, 'contactPhone'),
  },
});
