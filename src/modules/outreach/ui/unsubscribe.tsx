import { useLoaderData } from 'react-router';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { CsrfField, SubmitButton } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { getUnsubscribe } from '../use-cases/get-unsubscribe.ts';

/**
 * A newsletter's unsubscribe link, in the recipient's language: opening it changes nothing (mail
 * scanners follow links); the button posts to the same address, which acts (`api/unsubscribe-form.ts`).
 */
export const loader = pageLoader(async ({ ctx, params }) => {
  const { locale, unsubscribed } = await getUnsubscribe(ctx, params.token ?? '');
  const t = translatorFor(ctx.services.i18n, locale);
  return {
    lang: locale,
    unsubscribed,
    title: t(unsubscribed ? 'outreach:unsubscribe.done_title' : 'outreach:unsubscribe.title'),
    text: t(unsubscribed ? 'outreach:unsubscribe.done' : 'outreach:unsubscribe.intro'),
    button: t('outreach:unsubscribe.button'),
  };
});

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  return (
    <div lang={page.lang}>
      <PageTitle title={page.title}>{page.title}</PageTitle>
      <p>{page.text}</p>
      {page.unsubscribed ? null : (
        // A plain form: the browser posts it itself, the answer sends it back here.
        <form method="post">
          <CsrfField />
          <SubmitButton>{page.button}</SubmitButton>
        </form>
      )}
    </div>
  );
}
