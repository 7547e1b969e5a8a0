import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { threadPath } from '../use-cases/thread-path.ts';

/** « 2 messages non lus », leading to the file's thread; nothing when all is read. */
export function UnreadMessagesLink({ applicationId, count }: { applicationId: string; count: number }) {
  const { t } = useTranslation('conversations');
  if (count === 0) return null;
  return (
    <Link to={threadPath(applicationId)} className="unread-messages">
      {t('ui.unread', { count })}
    </Link>
  );
}
