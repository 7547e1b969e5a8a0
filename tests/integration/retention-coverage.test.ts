import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { OUTSIDE_RETENTION, TABLE_RETENTION } from '../../src/modules/privacy/domain/retention-schedule.ts';
import * as schema from '../../src/wiring/schema.ts';

/** Columns that tie a row to a person or a business, besides foreign keys to users or applications. */
const PERSON_OR_BUSINESS =
  /^(user_id|applicant_id|application_id|actor_id|subject_user_id|reader_id|email|to_address|.+_by)$/;

const tables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableConfig(table as PgTable));

function holdsPersonOrBusiness(table: (typeof tables)[number]): boolean {
  const referencesPerson = table.foreignKeys.some((fk) =>
    ['users', 'applications'].includes(getTableConfig(fk.reference().foreignTable).name),
  );
  return referencesPerson || table.columns.some((c) => PERSON_OR_BUSINESS.test(c.name));
}

describe('retention schedule coverage', () => {
  it('names every table holding a person’s or a business’s data, or says why it is outside', () => {
    const missing = tables
      .filter(holdsPersonOrBusiness)
      .map((t) => t.name)
      .filter((name) => !(name in TABLE_RETENTION) && !(name in OUTSIDE_RETENTION));
    expect(missing, 'add these tables to TABLE_RETENTION or OUTSIDE_RETENTION (privacy module)').toEqual([]);
  });

  it('names only tables that exist', () => {
    const names = new Set(tables.map((t) => t.name));
    const stale = [...Object.keys(TABLE_RETENTION), ...Object.keys(OUTSIDE_RETENTION)].filter(
      (n) => !names.has(n),
    );
    expect(stale).toEqual([]);
  });
});
