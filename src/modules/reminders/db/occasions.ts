import { formatDate, formatDateTime, montrealWallClock } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Executor } from '../../../platform/db/client.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import { actionsDueBetween, sessionsStartingBetween } from '../../coaching/index.ts';
import { completedPhaseAmong } from '../../diagnostic/index.ts';
import { type FileWait, filesWaitingSince } from '../../intake/index.ts';
import { workshopsStartingBetween } from '../../workshops/index.ts';
import type { Recipient, ReminderKind } from '../domain/kinds.ts';

/**
 * One reminder due: about `subjectId` (an application, a session, a plan action) on one occasion
 * (`occasionKey`: the draft's last change, the session's time…), to one person of the file. The same
 * kind, subject, occasion and recipient are never sent twice.
 */
export type Occasion = {
  kind: ReminderKind;
  applicationId: string;
  subjectId: string;
  occasionKey: string;
  recipient: Recipient;
  userId: string;
  /** What the e-mail says besides the person's name, in the recipient's language. */
  params: (t: Translate, locale: Locale) => Record<string, string | number>;
  /** Where the e-mail's button leads, after the public address. */
  path: string;
};

type Query = (db: Executor, at: { programId: string; days: number; now: Date }) => Promise<Occasion[]>;

const DAY = 86_400_000;

/** A file that waits on its retailer since `days` ago: one reminder per wait (its starting instant). */
const waiting =
  (kind: ReminderKind, wait: FileWait, path: (id: string) => string, finished?: 'T0' | 'T1'): Query =>
  async (db, { programId, days, now }) => {
    let files = await filesWaitingSince(db, {
      programId,
      wait,
      before: new Date(now.getTime() - days * DAY),
      now,
    });
    if (finished) {
      const done = await completedPhaseAmong(
        db,
        files.map((f) => f.applicationId),
        finished,
      );
      files = files.filter((f) => !done.has(f.applicationId));
    }
    return files.map((f) => ({
      kind,
      applicationId: f.applicationId,
      subjectId: f.applicationId,
      occasionKey: f.since.toISOString(),
      recipient: 'retailer' as const,
      userId: f.applicantId,
      params: () => ({ business: f.business, since: formatDate(f.since) }),
      path: path(f.applicationId),
    }));
  };

/** What makes each kind due at `now`, read from the modules that own the facts. */
// (A place held at a workshop is reminded once per start time: a workshop moved is reminded again.)
export const OCCASIONS: Record<ReminderKind, Query> = {
  'draft-left-7-days': waiting('draft-left-7-days', 'draft', (id) => `/applications/${id}`),
  'information-request-unanswered-7-days': waiting(
    'information-request-unanswered-7-days',
    'info_requested',
    (id) => `/applications/${id}`,
  ),
  't0-not-finished-14-days-after-acceptance': waiting(
    't0-not-finished-14-days-after-acceptance',
    'accepted',
    (id) => `/applications/${id}/diagnostics`,
    'T0',
  ),
  't1-diagnostic-at-closure': waiting(
    't1-diagnostic-at-closure',
    'closed',
    (id) => `/applications/${id}/diagnostics`,
    'T1',
  ),
  'coaching-session-tomorrow': async (db, { programId, days, now }) => {
    const sessions = await sessionsStartingBetween(db, programId, now, new Date(now.getTime() + days * DAY));
    return sessions.flatMap((s) => {
      const params = (t: Translate, locale: Locale) => ({
        business: s.business,
        expert: s.expertName,
        when: formatDateTime(s.startsAt, locale),
        mode: t(`coaching:modes.${s.mode}`),
        location: s.location ?? '',
      });
      const occasion = { kind: 'coaching-session-tomorrow' as const, applicationId: s.applicationId };
      const common = { ...occasion, subjectId: s.sessionId, occasionKey: s.startsAt.toISOString(), params };
      return [
        ...(s.applicantId
          ? [
              {
                ...common,
                recipient: 'retailer' as const,
                userId: s.applicantId,
                path: `/applications/${s.applicationId}`,
              },
            ]
          : []),
        {
          ...common,
          recipient: 'expert' as const,
          userId: s.expertUserId,
          path: `/caseload/${s.applicationId}`,
        },
      ];
    });
  },
  'plan-action-due-in-7-days': async (db, { programId, days, now }) => {
    const today = montrealWallClock(now).date;
    const last = montrealWallClock(new Date(now.getTime() + days * DAY)).date;
    const actions = await actionsDueBetween(db, programId, today, last);
    return actions
      .filter((a) => a.applicantId !== null)
      .map((a) => ({
        kind: 'plan-action-due-in-7-days' as const,
        applicationId: a.applicationId,
        subjectId: a.actionId,
        occasionKey: a.dueDate,
        recipient: 'retailer' as const,
        userId: a.applicantId!,
        params: () => ({ business: a.business, action: a.objective, due: a.dueDate }),
        path: `/applications/${a.applicationId}/plan`,
      }));
  },
  'workshop-tomorrow': async (db, { programId, days, now }) => {
    const places = await workshopsStartingBetween(db, programId, now, new Date(now.getTime() + days * DAY));
    return places.map((w) => ({
      kind: 'workshop-tomorrow' as const,
      applicationId: w.applicationId,
      subjectId: w.registrationId,
      occasionKey: w.startsAt.toISOString(),
      recipient: 'retailer' as const,
      userId: w.userId,
      params: (t: Translate, locale: Locale) => ({
        title: locale === 'fr' ? w.titleFr : w.titleEn,
        when: formatDateTime(w.startsAt, locale),
        format: t(`workshops:formats.${w.format}`),
        where: (w.format === 'online' ? w.link : w.place) ?? '',
      }),
      path: `/workshops#workshop-${w.workshopId}`,
    }));
  },
};
