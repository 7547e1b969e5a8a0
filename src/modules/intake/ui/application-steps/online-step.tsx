import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextArea } from '../../../../platform/ui/choices.tsx';
import { languageOptions, presenceOptions } from '../options.ts';
import { optional, type SentForm, type StepProps } from './steps.ts';

/** Step 3: the business online today, and what it wants from the program. */
export function OnlineStep({ application, v, e, ticked }: StepProps) {
  const { t } = useTranslation('intake');
  const b = application.business;
  return (
    <>
      <CheckboxGroup
        name="languagesServed"
        label={t('fields.business.languagesServed')}
        options={languageOptions(t)}
        defaultValues={ticked('languagesServed', b.languagesServed)}
        error={e('languagesServed')}
      />
      <CheckboxGroup
        name="onlinePresence"
        label={t('fields.business.onlinePresence')}
        hint={t('ui.hints.presence')}
        options={presenceOptions(t)}
        defaultValues={ticked('onlinePresence', b.onlinePresence)}
        error={e('onlinePresence')}
      />
      <TextArea
        name="goals"
        label={t('fields.business.goals')}
        hint={t('ui.hints.goals')}
        maxLength={4000}
        defaultValue={v('goals', b.goals)}
        error={e('goals')}
      />
      <TextArea
        name="challenges"
        label={t('fields.business.challenges')}
        hint={t('ui.hints.challenges')}
        maxLength={4000}
        defaultValue={v('challenges', b.challenges)}
        error={e('challenges')}
      />
    </>
  );
}

export const onlineChanges = ({ form, all }: SentForm) => ({
  business: {
    languagesServed: all('languagesServed'),
    onlinePresence: all('onlinePresence'),
    goals: optional(form, 'goals'),
    challenges: optional(form, 'challenges'),
  },
});
