import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { CsrfField, ErrorSummary, fieldErrors, SubmitButton } from '../../../platform/ui/forms.tsx';
import type { FormFailure } from '../../../platform/ui/route.server.ts';
import { MAX_MESSAGE_LENGTH } from '../domain/sides.ts';
import { threadPath } from '../use-cases/thread-path.ts';
import type { ConversationView } from './conversation-view.ts';

/**
 * A file's thread and the form to write in it, on the retailer's file, the staff's application page
 * and the thread's own page. The form posts to the thread's page: without JavaScript the browser goes
 * there; with it, the message is sent in place, the thread reloads and a live region says it was sent.
 */
export function ConversationThread({
  conversation,
  staff,
}: {
  conversation: ConversationView;
  staff: boolean;
}) {
  const { t } = useTranslation('conversations');
  const fetcher = useFetcher<FormFailure | { posted: true }>();
  const form = useRef<HTMLFormElement>(null);
  const [announced, setAnnounced] = useState('');
  const failed = fetcher.data && 'error' in fetcher.data ? fetcher.data : undefined;
  const posted = fetcher.state === 'idle' && fetcher.data && 'posted' in fetcher.data;
  useEffect(() => {
    if (fetcher.state === 'submitting') setAnnounced('');
  }, [fetcher.state]);
  useEffect(() => {
    if (posted) {
      form.current?.reset();
      setAnnounced(t('ui.sent'));
    }
  }, [posted, t]);
  const errors = fieldErrors(failed?.error);
  return (
    <section aria-labelledby="conversation-title" id="conversation" className="card conversation">
      <h2 id="conversation-title">{t('ui.title')}</h2>
      <p>{staff ? t('ui.intro_staff') : t('ui.intro')}</p>
      {conversation.messages.length === 0 ? (
        <p>{t('ui.empty')}</p>
      ) : (
        <ol className="conversation-messages">
          {conversation.messages.map((m) => (
            <li key={m.id} className={m.mine ? 'message message-mine' : 'message'}>
              <p className="message-meta">
                {m.unread ? <span className="status-badge">{t('ui.new')}</span> : null}{' '}
                {t('ui.by', {
                  name: m.author.name,
                  role: t(`ui.roles.${m.author.role}`, { defaultValue: m.author.role }),
                  at: m.createdAt,
                })}
              </p>
              <p className="message-body">{m.body}</p>
              {m.mine ? (
                <p className="hint">
                  {m.readBy.length > 0
                    ? m.readBy.map((r) => t('ui.read_by', { name: r.name, at: r.at })).join(' · ')
                    : t('ui.not_read')}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <fetcher.Form
        ref={form}
        method="post"
        action={threadPath(conversation.applicationId)}
        noValidate
        className="stack"
      >
        <CsrfField />
        <ErrorSummary error={failed?.error} />
        <TextArea
          name="body"
          label={staff ? t('ui.body_staff') : t('ui.body')}
          hint={t(staff ? 'ui.body_hint_staff' : 'ui.body_hint', { max: conversation.max })}
          rows={4}
          maxLength={MAX_MESSAGE_LENGTH}
          required
          error={errors.body}
        />
        <SubmitButton>{t('ui.send')}</SubmitButton>
      </fetcher.Form>
      <div role="status" aria-live="polite" className="sr-only">
        {announced}
      </div>
    </section>
  );
}
