import { useTranslation } from 'react-i18next';
import { Form, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listAuditEvents } from '../use-cases/list-audit-events.ts';

const FILTERS = ['action', 'actor', 'entityType', 'from', 'to'] as const;

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const filters = Object.fromEntries(FILTERS.map((key) => [key, search[key] ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const query = Object.fromEntries(
    Object.entries({ ...filters, cursor: search.cursor ?? '' }).filter(([, v]) => v !== ''),
  );
  try {
    const page = await listAuditEvents(ctx, query);
    return {
      filters,
      error: null,
      next: page.nextCursor ? new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString() : null,
      events: page.items.map((event) => ({
        id: event.id,
        at: formatDateTime(event.occurredAt, ctx.locale),
        actor: event.actorEmail ?? event.actorRole ?? '—',
        action: event.action,
        entity: `${event.entityType}${event.entityId ? ` ${event.entityId}` : ''}`,
        // One key per line: compact JSON has no space to wrap at on a narrow screen.
        changes: event.changes ? JSON.stringify(event.changes, null, 2) : '',
        requestId: event.requestId,
        ip: event.ip,
      })),
    };
  } catch (error) {
    // Bad filters are shown on the page like any form error, with the filters kept.
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return { filters, error: localiseError(error, ctx.services.i18n, ctx.locale), next: null, events: [] };
  }
});

export default function AuditLog() {
  const { t } = useTranslation('administration');
  const { events, filters, next, error } = useLoaderData<typeof loader>();
  const errors = Object.fromEntries((error?.errors ?? []).map((e) => [e.path, e.message]));
  return (
    <div>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <ErrorSummary error={error ?? undefined} />
      <Form method="get" className="filters" role="search" aria-label={t('audit.filters')}>
        <TextField
          name="action"
          label={t('fields.action')}
          hint={t('audit.action_hint')}
          defaultValue={filters.action}
          error={errors.action}
        />
        <TextField name="actor" label={t('fields.actor')} defaultValue={filters.actor} error={errors.actor} />
        <TextField
          name="entityType"
          label={t('fields.entityType')}
          defaultValue={filters.entityType}
          error={errors.entityType}
        />
        <TextField
          name="from"
          type="date"
          label={t('fields.from')}
          defaultValue={filters.from}
          error={errors.from}
        />
        <TextField name="to" type="date" label={t('fields.to')} defaultValue={filters.to} error={errors.to} />
        <div className="field">
          <SubmitButton variant="secondary">{t('audit.filter')}</SubmitButton>
        </div>
      </Form>
      {events.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <DataTable
          next={next}
          nextLabel={t('audit.next_page')}
          caption={t('audit.title')}
          className="stacked audit-log"
          columns={[
            t('audit.when'),
            t('fields.actor'),
            t('fields.action'),
            t('audit.entity'),
            t('audit.changes'),
            t('audit.origin'),
          ]}
        >
          {events.map((event) => (
            // data-label: the column's name, shown above each value when a narrow screen stacks the cells.
            <tr key={event.id}>
              <td data-label={t('audit.when')}>{event.at}</td>
              <td data-label={t('fields.actor')}>{event.actor}</td>
              <td data-label={t('fields.action')}>
                <code>{event.action}</code>
              </td>
              <td data-label={t('audit.entity')} className="mono">
                {event.entity}
              </td>
              <td data-label={t('audit.changes')} className="mono changes">
                {event.changes}
              </td>
              <td data-label={t('audit.origin')} className="mono">
                {event.ip ?? ''} {event.requestId ?? ''}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
