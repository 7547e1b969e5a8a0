import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import type { IncidentInput } from '../domain/incidents.ts';

/**
 * The register of confidentiality incidents (Reg. r.3.1 s.7): every incident, even minor, with
 * the eight required contents as non-null columns; kept until `kept_until` (5 years after it was
 * learned of), which the retention schedule reads. Never deleted before, so there is no delete path.
 */
export const privacyIncidents = pgTable(
  'privacy_incidents',
  {
    id: uuid('id').primaryKey(),
    informationInvolved: text('information_involved').notNull(),
    circumstances: text('circumstances').notNull(),
    occurredFrom: date('occurred_from', { mode: 'string' }).notNull(),
    occurredTo: date('occurred_to', { mode: 'string' }),
    learnedOn: date('learned_on', { mode: 'string' }).notNull(),
    personsAffected: integer('persons_affected').notNull(),
    personsApproximate: boolean('persons_approximate').notNull(),
    riskAssessment: text('risk_assessment').notNull(),
    seriousRisk: boolean('serious_risk').notNull(),
    commissionNotifiedOn: date('commission_notified_on', { mode: 'string' }),
    personsNotifiedOn: date('persons_notified_on', { mode: 'string' }),
    publicNotice: text('public_notice'),
    measures: text('measures').notNull(),
    adviceToPersons: text('advice_to_persons'),
    keptUntil: date('kept_until', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: instant('recorded_at').notNull(),
    /** 1 when entered; each update (a notice sent later, measures added) adds one, the former kept below. */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: instant('updated_at'),
  },
  (t) => [
    index('privacy_incidents_learned_idx').on(t.learnedOn),
    check(
      'privacy_incidents_notices_check',
      sql`not ${t.seriousRisk} or (${t.commissionNotifiedOn} is not null and ${t.personsNotifiedOn} is not null)`,
    ),
  ],
);

/**
 * An incident's earlier versions, each as it stood before an update replaced it, with who wrote it and
 * when: the register shows the latest, the history shows how it was kept. Kept with the incident.
 */
export const privacyIncidentVersions = pgTable(
  'privacy_incident_versions',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => privacyIncidents.id),
    version: integer('version').notNull(),
    /** The eight contents (and the advice to persons) as they were. */
    entry: jsonb('entry').$type<IncidentInput>().notNull(),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => users.id),
    writtenAt: instant('written_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.version] })],
);
