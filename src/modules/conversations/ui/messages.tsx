import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getConversation } from '../use-cases/get-conversation.ts';
import { postMessage } from '../use-cases/post-message.ts';
import { ConversationThread } from './conversation-thread.tsx';
import { conversationView } from './conversation-view.ts';

/** Where each side finds the whole file: the retailer's file, the expert's caseload, the review page. */
const FILE_PAGES: Record<string, (id: string) => string> = {
  retailer: (id) => `/applications/${id}`,
  expert: (id) => `/caseload/${id}`,
};

/** A file's thread on its own: where every e-mail notice leads, for the retailer and for the staff. */
export const loader = pageLoader(async ({ ctx, params }) => {
  const conversation = await getConversation(ctx, params.id ?? '');
  const role = ctx.actor.kind === 'user' ? ctx.actor.role : 'retailer';
  return {
    business: conversation.business,
    conversation: conversationView(conversation, ctx.locale),
    staff: role !== 'retailer',
    filePage: (FILE_PAGES[role] ?? ((id: string) => `/review/applications/${id}`))(
      conversation.applicationId,
    ),
  };
});

/** Posting from any page that shows the thread lands here; the pages' forms send it in place with JavaScript. */
export const action = formAction(async ({ ctx, form, params }) => {
  await postMessage(ctx, params.id ?? '', { body: form.body ?? '' });
  return { posted: true as const };
});

export default function Messages() {
  const { t } = useTranslation('conversations');
  const { business, conversation, staff, filePage } = useLoaderData<typeof loader>();
  const title = t('ui.page_title', { business: business ?? '' });
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to={filePage}>{t('ui.back_to_file')}</Link>
      </p>
      <ConversationThread conversation={conversation} staff={staff} />
    </div>
  );
}
