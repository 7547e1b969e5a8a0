import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { answerSatisfaction } from '../use-cases/answer-satisfaction.ts';

export const loader = pageLoader(() => ({}));

export const action = formAction(async ({ ctx, form, params }) => {
  await answerSatisfaction(ctx, params.id ?? '', params.registrationId ?? '', {
    rating: formNumber(form.rating),
    ...(form.comment?.trim() ? { comment: form.comment } : {}),
  });
  return { answered: true };
});

/** The satisfaction question after a workshop (the participant, from the invitation's link). */
export default function Satisfaction() {
  const { t } = useTranslation('workshops');
  useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const title = t('ui.satisfaction_title');
  return (
    <div className="workshops-page">
      <PageTitle title={title}>{title}</PageTitle>
      {result && 'answered' in result ? (
        <Notice kind="success">
          <p>{t('ui.thanks')}</p>
        </Notice>
      ) : (
        <>
          <ErrorSummary error={failed?.error} />
          <PostForm className="stack">
            <RadioGroup
              name="rating"
              label={t('fields.rating')}
              required
              options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
              defaultValue={failed?.values.rating}
              error={errors.rating}
            />
            <TextArea
              name="comment"
              label={t('fields.comment')}
              defaultValue={failed?.values.comment}
              error={errors.comment}
            />
            <SubmitButton>{t('ui.send')}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}
