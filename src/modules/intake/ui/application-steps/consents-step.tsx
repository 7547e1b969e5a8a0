import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../../platform/ui/choices.tsx';
import { TextField } from '../../../../platform/ui/forms.tsx';
import { CONSENT_PURPOSES } from '../../domain/consents.ts';
import type { SentForm, StepProps } from './steps.ts';

/** Step 4: a consent per purpose (none ticked in advance), the attestation, a partner's referral code. */
export function ConsentsStep({
  application,
  v,
  e,
  consentTexts,
}: StepProps & { consentTexts: { purpose: string; required: boolean; text: string }[] }) {
  const { t } = useTranslation('intake');
  return (
    <>
      <p>{t('ui.consents_intro')}</p>
      {consentTexts.map((c) => (
        <Checkbox
          key={c.purpose}
          name={`consent-${c.purpose}`}
          id={`field-consents-${c.purpose}`}
          value="yes"
          label={`${t(`fields.consents.${c.purpose}`)}${c.required ? ` (${t('ui.required')})` : ` (${t('ui.optional_choice')})`} — ${c.text}`}
          defaultChecked={application.consents[c.purpose as keyof typeof application.consents]}
          error={e(`consents.${c.purpose}`)}
        />
      ))}
      <Checkbox
        name="attestation"
        value="yes"
        label={t('ui.attestation')}
        defaultChecked={application.attestation}
        error={e('attestation')}
      />
      <TextField
        name="referralCode"
        label={t('fields.referralCode')}
        hint={t('ui.hints.referral')}
        defaultValue={v('referralCode', application.referralCode)}
        error={e('referralCode')}
      />
    </>
  );
}

export const consentsChanges = ({ form, all }: SentForm) => ({
  consents: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, all(`consent-${p}`).includes('yes')])),
  attestation: all('attestation').includes('yes'),
  referralCode: form.referralCode ?? '',
});
