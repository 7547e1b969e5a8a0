import type { TFunction } from 'i18next';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useRouteLoaderData } from 'react-router';
import { formatDateTime, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { CheckboxGroup, RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { SelectField, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { ACTION_NOTE_MAX, ACTION_STATUSES } from '../../coaching/components.ts';
import { getCaseload } from '../../coaching/index.ts';
import { isVisible } from '../../diagnostic/components.ts';
import { clearPerson, type DeviceStore, openDeviceStore, readAll } from './device-store.ts';
import {
  applyLocally,
  keepMine,
  keepServer,
  newCommand,
  type OutboxItem,
  type Pack,
  type StoredPack,
} from './outbox.ts';
import { record, refusedCall, type SyncOutcome, synchronise } from './sync.ts';
import { askBackgroundSync, startWorker } from './worker-client.ts';

export const loader = pageLoader(async ({ ctx }) => {
  const { items } = await getCaseload(ctx, {});
  return {
    userId: signedInActor(ctx.actor).id,
    files: items.map((i) => ({
      id: i.applicationId,
      business: i.business ?? '—',
      municipality: i.municipality,
    })),
  };
});

/** The device warns when it has not synchronised for this long (Safari erases a site's data after 7 days). */
const STALE_DAYS = 5;
const SYNC_EVERY_MS = 60_000;

type PlanActionOf = NonNullable<Pack['plan']>['actions'][number];

type Device = { packs: StoredPack[]; outbox: OutboxItem[]; lastSyncAt: string | null };

/**
 * Field mode: the expert downloads visit packs of their files, works on them with no network (the
 * diagnostic, session notes and hours, plan actions), everything kept on the device at once and sent
 * when the network is back; conflicts and refusals are shown, never resolved silently.
 */
export default function FieldMode() {
  const { t } = useTranslation('fieldmode');
  const { userId, files } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData('root') as { csrfToken: string; locale: Locale };
  const locale = root.locale;
  const store = useRef<DeviceStore | null>(null);
  const [device, setDevice] = useState<Device | null>(null);
  const [online, setOnline] = useState(true);
  const [activity, setActivity] = useState<'idle' | 'syncing' | 'downloading'>('idle');
  const [outcome, setOutcome] = useState<SyncOutcome | 'downloaded' | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  /** Files the server said are no longer the expert's: gone from the page at once, not at the next load. */
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());

  const refresh = useCallback(async () => {
    if (store.current) setDevice(await readAll(store.current));
  }, []);

  const forget = useCallback((ids: string[]) => {
    if (ids.length > 0) setGone((known) => new Set([...known, ...ids]));
  }, []);

  /** The account was deactivated: everything kept on the device for this person goes, and they are told. */
  const wipe = useCallback(async () => {
    store.current?.close();
    store.current = null;
    await clearPerson(userId).catch(() => undefined);
    setDevice({ packs: [], outbox: [], lastSyncAt: null });
    setOpenId(null);
    setOutcome('deactivated');
  }, [userId]);

  const sync = useCallback(async () => {
    if (!store.current) return;
    setActivity('syncing');
    const { outcome: result, wipe: notTheirs } = await synchronise(store.current, root.csrfToken, locale);
    setActivity('idle');
    forget(notTheirs);
    if (result === 'deactivated') return wipe();
    if (result !== 'busy') setOutcome(result);
    await refresh();
  }, [root.csrfToken, locale, refresh, forget, wipe]);

  useEffect(() => {
    let stop = false;
    void openDeviceStore(userId).then(async (db) => {
      if (stop) return db.close();
      store.current = db;
      await refresh();
      if (navigator.onLine) void sync();
    });
    setOnline(navigator.onLine);
    void navigator.storage?.persisted?.().then(setPersisted);
    void startWorker(() => void sync());
    const goOnline = () => {
      setOnline(true);
      void sync();
    };
    const goOffline = () => setOnline(false);
    const onFocus = () => {
      void refresh();
      if (navigator.onLine) void sync();
    };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    window.addEventListener('focus', onFocus);
    const timer = setInterval(() => navigator.onLine && void sync(), SYNC_EVERY_MS);
    return () => {
      stop = true;
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('focus', onFocus);
      clearInterval(timer);
      store.current?.close();
      store.current = null;
    };
  }, [userId, refresh, sync]);

  /** A change, saved on the device at once, then sent if the network is there (else later). */
  const change = async (item: OutboxItem) => {
    if (!store.current) return;
    await record(store.current, item);
    await refresh();
    void askBackgroundSync();
    if (navigator.onLine) void sync();
  };

  const download = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ids = new FormData(event.currentTarget).getAll('files').map(String);
    if (ids.length === 0 || !store.current) return;
    // Asked when the expert acts: browsers grant it more readily then.
    void navigator.storage?.persist?.().then(setPersisted);
    setActivity('downloading');
    try {
      const response = await fetch(`/api/v1/visit-packs?applicationIds=${ids.join(',')}`, {
        credentials: 'same-origin',
        headers: { 'accept-language': locale },
      });
      if (!response.ok) {
        const refused = await refusedCall(response);
        return refused === 'deactivated' ? await wipe() : setOutcome(refused);
      }
      const answer = (await response.json()) as { syncedAt: string; packs: Pack[]; wipe: string[] };
      forget(answer.wipe);
      const { outbox } = await readAll(store.current);
      const tx = store.current.transaction(['packs', 'meta'], 'readwrite');
      await Promise.all([
        ...answer.packs.map((pack) => {
          // Changes not yet sent still show on the fresh pack.
          const fresh: StoredPack = {
            ...pack,
            syncedAt: answer.syncedAt,
            bytes: JSON.stringify(pack).length,
          };
          const pending = outbox.filter(
            (i) => i.applicationId === pack.applicationId && i.state === 'pending',
          );
          return tx.objectStore('packs').put(pending.reduce(applyLocally, fresh));
        }),
        ...answer.wipe.map((id) => tx.objectStore('packs').delete(id)),
        tx.objectStore('meta').put({ key: 'lastSync', at: answer.syncedAt }),
        tx.done,
      ]);
      setOutcome('downloaded');
    } catch {
      setOutcome('offline');
    } finally {
      setActivity('idle');
      await refresh();
    }
  };

  const resolve = async (item: OutboxItem, choice: 'mine' | 'server' | 'dismiss') => {
    const db = store.current;
    if (!db) return;
    const pack = device?.packs.find((p) => p.applicationId === item.applicationId);
    const tx = db.transaction(['packs', 'outbox'], 'readwrite');
    await Promise.all([
      tx.objectStore('outbox').delete(item.commandId),
      choice === 'mine' ? tx.objectStore('outbox').put(keepMine(item)) : undefined,
      choice === 'server' && pack ? tx.objectStore('packs').put(keepServer(pack, item)) : undefined,
      tx.done,
    ]);
    setRevision((r) => r + 1);
    await refresh();
    if (choice === 'mine' && navigator.onLine) void sync();
  };

  const pending = device?.outbox.filter((i) => i.state === 'pending') ?? [];
  const stale =
    device?.lastSyncAt && Date.now() - new Date(device.lastSyncAt).getTime() > STALE_DAYS * 86_400_000;
  const open = device?.packs.find((p) => p.applicationId === openId) ?? null;
  const offered = outcome === 'deactivated' ? [] : files.filter((f) => !gone.has(f.id));
  const title = t('ui.title');
  return (
    <div className="fieldmode-page" data-ready={device ? 'true' : undefined}>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('ui.intro')}</p>
      <div role="status" aria-live="polite" className="fieldmode-status">
        <p>
          <strong>{online ? t('ui.status.online') : t('ui.status.offline')}</strong>{' '}
          {online ? '' : t('ui.status.offline_kept')}
        </p>
        <p>
          {t('ui.status.pending', { count: pending.length })}
          {activity === 'syncing' ? ` ${t('ui.status.syncing')}` : ''}
          {activity === 'downloading' ? ` ${t('ui.status.downloading')}` : ''}
        </p>
        {device?.lastSyncAt ? (
          <p>{t('ui.status.synced_at', { at: formatDateTime(new Date(device.lastSyncAt), locale) })}</p>
        ) : null}
        {outcome && outcome !== 'done' ? <p>{t(`ui.outcome.${outcome}`)}</p> : null}
      </div>
      {persisted === false ? (
        <Notice kind="warning">
          <p>{t('ui.warnings.not_persisted')}</p>
        </Notice>
      ) : null}
      {stale ? (
        <Notice kind="warning">
          <p>{t('ui.warnings.stale', { days: STALE_DAYS })}</p>
        </Notice>
      ) : null}

      <Outbox device={device} locale={locale} onResolve={resolve} />

      <section aria-labelledby="fieldmode-prepare">
        <h2 id="fieldmode-prepare">{t('ui.prepare.title')}</h2>
        {offered.length === 0 ? (
          <p>{t('ui.prepare.none')}</p>
        ) : (
          <form onSubmit={download}>
            <CheckboxGroup
              name="files"
              label={t('ui.prepare.files')}
              hint={t('ui.prepare.hint')}
              required
              options={offered.map((f) => ({
                value: f.id,
                label: f.municipality ? `${f.business} (${f.municipality})` : f.business,
              }))}
              defaultValues={device?.packs.map((p) => p.applicationId) ?? []}
              key={device ? 'ready' : 'loading'}
            />
            <button type="submit" className="button button-primary" disabled={!online || !device}>
              {t('ui.prepare.download')}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="fieldmode-packs">
        <h2 id="fieldmode-packs">{t('ui.packs.title')}</h2>
        {!device || device.packs.length === 0 ? (
          <p>{t('ui.packs.none')}</p>
        ) : (
          <ul className="fieldmode-packs">
            {device.packs.map((p) => (
              <li key={p.applicationId}>
                <strong>{p.business.name}</strong>
                {' — '}
                {t('ui.packs.size', { size: formatNumber(Math.max(1, Math.round(p.bytes / 1024)), locale) })}
                {' — '}
                {t('ui.packs.synced_at', { at: formatDateTime(new Date(p.syncedAt), locale) })}{' '}
                <button
                  type="button"
                  className="button button-secondary"
                  aria-pressed={openId === p.applicationId}
                  onClick={() => setOpenId(p.applicationId)}
                >
                  {t('ui.packs.open', { name: p.business.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {open ? (
        <FileWork
          key={`${open.applicationId}-${revision}`}
          pack={open}
          outbox={device!.outbox}
          locale={locale}
          onChange={change}
        />
      ) : null}
    </div>
  );
}

/** The changes not sent yet, those in conflict (both values to choose from), those refused (why, text kept). */
function Outbox({
  device,
  locale,
  onResolve,
}: {
  device: Device | null;
  locale: Locale;
  onResolve: (item: OutboxItem, choice: 'mine' | 'server' | 'dismiss') => void;
}) {
  const { t } = useTranslation('fieldmode');
  if (!device || device.outbox.length === 0) return null;
  const shown = (item: OutboxItem, value: unknown) => readableValue(t, device, item, value, locale);
  return (
    <section aria-labelledby="fieldmode-outbox">
      <h2 id="fieldmode-outbox">{t('ui.outbox.title')}</h2>
      <ul className="fieldmode-outbox">
        {device.outbox.map((item) => (
          <li key={item.commandId} data-state={item.state}>
            <p>
              <strong>{t(`ui.outbox.state.${item.state}`)}</strong> — {t(`ui.outbox.type.${item.type}`)} :{' '}
              {item.subject}
            </p>
            {item.state === 'pending' ? <p>{shown(item, changedValue(item))}</p> : null}
            {item.state === 'conflict' ? (
              <>
                <p>{t('ui.outbox.conflict_intro')}</p>
                <dl>
                  <dt>{t('ui.outbox.server_value')}</dt>
                  <dd>{shown(item, item.conflict!.server)}</dd>
                  <dt>{t('ui.outbox.your_value')}</dt>
                  <dd>{shown(item, item.conflict!.mine)}</dd>
                </dl>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onResolve(item, 'server')}
                >
                  {t('ui.outbox.keep_server')}
                </button>{' '}
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => onResolve(item, 'mine')}
                >
                  {t('ui.outbox.keep_mine')}
                </button>
              </>
            ) : null}
            {item.state === 'refused' ? (
              <>
                <p>{item.refusal!.reason}</p>
                {item.refusal!.errors.length > 0 ? (
                  <ul>
                    {item.refusal!.errors.map((e) => (
                      <li key={e.path}>{e.message}</li>
                    ))}
                  </ul>
                ) : null}
                <TextArea
                  name={`kept-${item.commandId}`}
                  label={t('ui.outbox.kept_text')}
                  hint={t('ui.outbox.kept_hint')}
                  defaultValue={shown(item, changedValue(item))}
                  rows={3}
                  required
                />
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onResolve(item, 'dismiss')}
                >
                  {t('ui.outbox.dismiss')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The value a change carries: an answer, a note's text, hours, a status. */
function changedValue(item: OutboxItem): unknown {
  const p = item.payload;
  return p.value ?? p.text ?? p.hours ?? p.status ?? p.note;
}

/** A value as the expert reads it: choices by their labels, statuses in words, hours as a number. */
function readableValue(
  t: TFunction<'fieldmode'>,
  device: Device,
  item: OutboxItem,
  value: unknown,
  locale: Locale,
): string {
  if (value === null || value === undefined) return t('ui.outbox.no_value');
  if (item.type === 'update-plan-action')
    return 'note' in item.payload
      ? String(value) || t('ui.outbox.no_value')
      : t(`coaching:action_status.${String(value)}`);
  if (item.type === 'record-session-held')
    return t('ui.hours', { hours: formatNumber(Number(value), locale) });
  if (item.type === 'answer-diagnostic-question') {
    const pack = device.packs.find((p) => p.applicationId === item.applicationId);
    const question = pack?.diagnostic?.questionnaire.dimensions
      .flatMap((d) => d.questions)
      .find((q) => q.id === item.payload.questionId);
    const ids = Array.isArray(value) ? value : [value];
    return (
      ids.map((id) => question?.choices.find((c) => c.id === id)?.label ?? String(id)).join(', ') ||
      t('ui.outbox.no_value')
    );
  }
  return String(value);
}

/** One file, offline: its business, diagnostic, sessions, plan and supplier shortlist. */
function FileWork({
  pack,
  outbox,
  locale,
  onChange,
}: {
  pack: StoredPack;
  outbox: OutboxItem[];
  locale: Locale;
  onChange: (item: OutboxItem) => Promise<void>;
}) {
  const { t } = useTranslation('fieldmode');
  const [hoursError, setHoursError] = useState<Record<string, string>>({});
  const d = pack.diagnostic;
  const id = pack.applicationId;

  const answer = (event: FormEvent<HTMLFormElement>) => {
    const input = event.target as HTMLInputElement;
    if (!d || !input.name.startsWith('q-')) return;
    const questionId = input.name.slice(2);
    const question = d.questionnaire.dimensions.flatMap((x) => x.questions).find((q) => q.id === questionId);
    if (!question) return;
    const value =
      question.type === 'single'
        ? input.value
        : [
            ...event.currentTarget.querySelectorAll<HTMLInputElement>(`input[name="${input.name}"]:checked`),
          ].map((i) => i.value);
    void onChange(
      newCommand(
        'answer-diagnostic-question',
        id,
        d.version,
        { diagnosticId: d.id, questionId, value, baseValue: d.answers[questionId] ?? null },
        question.label,
      ),
    );
  };

  const addNote = (event: FormEvent<HTMLFormElement>, session: Pack['sessions'][number], subject: string) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('note') ?? '').trim();
    if (!text) return;
    void onChange(
      newCommand('add-session-note', id, session.version, { sessionId: session.id, text }, subject),
    );
    form.reset();
  };

  const held = (event: FormEvent<HTMLFormElement>, session: Pack['sessions'][number], subject: string) => {
    event.preventDefault();
    const hours = formNumber(String(new FormData(event.currentTarget).get('hours') ?? ''), {
      decimals: true,
    });
    if (typeof hours !== 'number' || hours <= 0 || hours > 24 || !Number.isInteger(hours * 4)) {
      setHoursError((e) => ({ ...e, [session.id]: t('ui.sessions.hours_error') }));
      return;
    }
    setHoursError((e) => ({ ...e, [session.id]: '' }));
    void onChange(
      newCommand('record-session-held', id, session.version, { sessionId: session.id, hours }, subject),
    );
  };

  const progress = (event: FormEvent<HTMLFormElement>) => {
    const select = event.target as HTMLSelectElement;
    const action = pack.plan?.actions.find((a) => `action-${a.id}` === select.name);
    if (!action) return;
    void onChange(
      newCommand(
        'update-plan-action',
        id,
        action.version,
        { actionId: action.id, status: select.value, baseStatus: action.status },
        action.objective,
      ),
    );
  };

  const saveActionNote = (event: FormEvent<HTMLFormElement>, action: PlanActionOf) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    if (note === action.note) return;
    void onChange(
      newCommand(
        'update-plan-action',
        id,
        action.version,
        { actionId: action.id, note, baseNote: action.note },
        action.objective,
      ),
    );
  };

  const business = pack.business;
  return (
    <section aria-labelledby="fieldmode-file" className="fieldmode-file">
      <h2 id="fieldmode-file">{business.name}</h2>
      <p>
        {[business.street, business.municipality, business.postalCode].filter(Boolean).join(', ')}
        {business.goals ? ` — ${business.goals}` : ''}
      </p>

      <h3>{t('ui.diagnostic.title')}</h3>
      {!d ? (
        <p>{t('ui.diagnostic.none')}</p>
      ) : d.status === 'completed' ? (
        <p>{t('ui.diagnostic.completed')}</p>
      ) : (
        <form onChange={answer} onSubmit={(e) => e.preventDefault()}>
          {d.questionnaire.dimensions.map((dimension) => (
            <div key={dimension.id}>
              <h4>{dimension.label}</h4>
              {dimension.questions
                .filter((q) => isVisible(q, d.answers))
                .map((q) => {
                  const props = {
                    name: `q-${q.id}`,
                    label: q.label,
                    hint: q.help ?? undefined,
                    required: !q.optional,
                    options: q.choices.map((c) => ({ value: c.id, label: c.label })),
                  };
                  const given = d.answers[q.id];
                  return q.type === 'single' ? (
                    <RadioGroup
                      key={q.id}
                      {...props}
                      defaultValue={typeof given === 'string' ? given : undefined}
                    />
                  ) : (
                    <CheckboxGroup key={q.id} {...props} defaultValues={Array.isArray(given) ? given : []} />
                  );
                })}
            </div>
          ))}
        </form>
      )}

      <h3>{t('ui.sessions.title')}</h3>
      {pack.sessions.length === 0 ? <p>{t('ui.sessions.none')}</p> : null}
      {pack.sessions.map((s) => {
        const when = formatDateTime(new Date(s.startsAt), locale);
        const subject = t('ui.sessions.subject', { when });
        const notes = outbox.filter((i) => i.type === 'add-session-note' && i.payload.sessionId === s.id);
        return (
          <div key={s.id} className="fieldmode-session">
            <h4>
              {subject} — {t(`coaching:modes.${s.mode}`)} — {t(`coaching:session_status.${s.status}`)}
              {s.hours !== null ? ` (${t('ui.hours', { hours: formatNumber(s.hours, locale) })})` : ''}
            </h4>
            {s.notes ? <p className="fieldmode-notes">{s.notes}</p> : null}
            {notes.map((n) => (
              <p key={n.commandId} className="fieldmode-notes">
                {String(n.payload.text)} <em>({t(`ui.outbox.state.${n.state}`)})</em>
              </p>
            ))}
            <form onSubmit={(e) => addNote(e, s, subject)}>
              <TextArea
                name="note"
                id={`note-${s.id}`}
                label={t('ui.sessions.note')}
                rows={3}
                required
                maxLength={5000}
              />
              <button type="submit" className="button button-secondary">
                {t('ui.sessions.add_note')}
              </button>
            </form>
            {s.status === 'scheduled' ? (
              <form onSubmit={(e) => held(e, s, subject)}>
                <TextField
                  name="hours"
                  id={`hours-${s.id}`}
                  label={t('ui.sessions.hours')}
                  hint={t('ui.sessions.hours_hint')}
                  inputMode="decimal"
                  required
                  error={hoursError[s.id] || undefined}
                />
                <button type="submit" className="button button-secondary">
                  {t('ui.sessions.mark_held')}
                </button>
              </form>
            ) : null}
          </div>
        );
      })}

      <h3>{t('ui.plan.title')}</h3>
      {!pack.plan ? (
        <p>{t('ui.plan.none')}</p>
      ) : (
        pack.plan.actions.map((a) => (
          <div key={a.id} className="fieldmode-action">
            <form onChange={progress} onSubmit={(e) => e.preventDefault()}>
              <SelectField
                name={`action-${a.id}`}
                label={
                  a.dueDate
                    ? t('ui.plan.action_due', { objective: a.objective, due: a.dueDate })
                    : a.objective
                }
                required
                defaultValue={a.status}
                options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`coaching:action_status.${s}`) }))}
              />
            </form>
            <form onSubmit={(e) => saveActionNote(e, a)}>
              <TextArea
                name="note"
                id={`action-note-${a.id}`}
                label={t('ui.plan.note', { objective: a.objective })}
                rows={2}
                maxLength={ACTION_NOTE_MAX}
                defaultValue={a.note}
              />
              <button type="submit" className="button button-secondary">
                {t('ui.plan.save_note')}
                <span className="sr-only"> ({a.objective})</span>
              </button>
            </form>
          </div>
        ))
      )}

      <h3>{t('ui.suppliers.title')}</h3>
      {pack.suppliers.length === 0 ? (
        <p>{t('ui.suppliers.none')}</p>
      ) : (
        <ul>
          {pack.suppliers.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>
              {s.website ? ` — ${s.website}` : ''}
              {s.description ? ` — ${s.description}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
