/**
 * Bulk data for the data-scale benchmarks, written with set-based SQL: hundreds of thousands of rows in
 * seconds. The rows have the shape the use cases write (statuses, regions, subsectors, sizes, folded
 * search text, scores per dimension); they are measurement fixtures, not a way to add real data.
 */
import { sql } from 'drizzle-orm';
import { SIZE_BANDS } from '../../src/kernel/business.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import type { Executor } from '../../src/platform/db/client.ts';

const NAICS = ['441', '444', '445', '449', '455', '456', '457', '458', '459'];
const TOWNS = [
  'Montréal',
  'Québec',
  'Laval',
  'Gatineau',
  'Longueuil',
  'Sherbrooke',
  'Saguenay',
  'Lévis',
  'Trois-Rivières',
  'Rimouski',
];
const literal = (values: string[]) =>
  `(array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}])`;

/** Employee counts drawn from, four in each size band (1-4, 5-9, 10-19, 20-49, 50+). */
const EMPLOYEES = [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 18, 20, 25, 35, 45, 50, 60, 80, 120];

/** A value in [0, n) drawn from `i` by its own hash, independent of the other columns' draws. */
const draw = (what: string, n: number) => `((hashtext(i || ':${what}') & 2147483647) % ${n})`;

/**
 * `count` applications in the program, in a realistic spread of statuses (mostly submitted, accepted
 * and refused). Region 01–17, retail subsector, size band and year each drawn independently, so every
 * combination is about as frequent as the product of its values' frequencies (the research extract's
 * k-anonymity classes all fill up at 300,000): half submitted in the previous calendar year, half in
 * this one so far (Montréal), whatever the day of the year. Ids are UUIDv7 in creation order, as
 * `newId` makes them, so a scan in id order reads the table in the order it was written.
 * `status` forces one status for all (e.g. every business accepted, for diagnostics).
 */
export async function fillApplications(
  db: Executor,
  programId: string,
  count: number,
  status?: string,
): Promise<void> {
  const spread = `(array['submitted','submitted','submitted','submitted','submitted','submitted','submitted','submitted',
    'accepted','accepted','accepted','accepted','accepted','accepted','refused','refused','waitlisted','info_requested','withdrawn','draft'])[1 + (i % 20)]`;
  await db.execute(
    sql.raw(`
    insert into applications (id, program_id, status, draft_step, legal_name, trade_name, neq, street, municipality_name,
      region, postal_code, phone, email, naics, employees, founded_year, annual_revenue_band, eligible,
      submitted_at, decided_at, search_text, created_at, updated_at)
    select (lpad(to_hex(w.ms + i), 12, '0') || '7' || substr(w.h, 1, 3) || substr('89ab', 1 + i % 4, 1) || substr(w.h, 4, 15))::uuid,
      '${programId}', s.status, 5,
      'Commerce ' || i || ' inc.', t.trade, lpad((1140000000 + i)::text, 10, '0'), (i % 900 + 1) || ', rue Principale',
      ${literal(TOWNS)}[1 + (i % ${TOWNS.length})], lpad((1 + ${draw('region', 17)})::text, 2, '0'), 'H2X 1Y4',
      '514-555-' || lpad((i % 10000)::text, 4, '0'), 'commerce' || i || '@exemple.ca',
      ${literal(NAICS)}[1 + ${draw('naics', NAICS.length)}], (array[${EMPLOYEES.join(',')}])[1 + ${draw('employees', EMPLOYEES.length)}],
      1980 + (i % 45), '250k-500k', (i % 11) <> 0,
      case when s.status = 'draft' then null
        when ${draw('year', 2)} = 0 then w.year_start - (${draw('minute', 365 * 1440)} || ' minutes')::interval
        else w.year_start + ${draw('instant', 1_000_000)} / 1e6 * (now() - w.year_start) end,
      case when s.status in ('accepted','refused','waitlisted') then now() - ((i % 300) || ' days')::interval end,
      lower(t.trade || ' commerce ' || i || ' inc. ' || lpad((1140000000 + i)::text, 10, '0')),
      now(), now()
    from generate_series(1, ${count}) as i
    cross join lateral (select ${status ? `'${status}'` : spread} as status) s
    cross join lateral (select md5(i || ':id') as h,
      (extract(epoch from now()) * 1000)::bigint - ${count} as ms,
      date_trunc('year', now() at time zone 'America/Montreal') at time zone 'America/Montreal' as year_start) w
    cross join lateral (select (array['Boutique','Épicerie','Librairie','Quincaillerie','Fleuriste','Mercerie'])[1 + (i % 6)] || ' ' || i as trade) t
  `),
  );
  await db.execute(sql.raw('analyze applications'));
}

/**
 * A completed entry diagnostic (T0) for every accepted application of the program, with scores per
 * dimension spread over 0–100, the overall score their weighted mean, and the peer-group columns.
 */
export async function fillDiagnostics(
  db: Executor,
  programId: string,
  questionnaireId: string,
): Promise<void> {
  const dims = DEFAULT_QUESTIONNAIRE.dimensions;
  const totalWeight = dims.reduce((a, d) => a + d.weight, 0);
  const dimensionScore = (k: number) =>
    `round((((hashtext(a.id::text || '${k}') & 1023) / 1023.0) * 100)::numeric, 1)`;
  const scores = `jsonb_build_object(${dims.map((d, k) => `'${d.id}', ${dimensionScore(k)}`).join(', ')})`;
  const overall = `round(((${dims.map((d, k) => `${d.weight} * ${dimensionScore(k)}`).join(' + ')}) / ${totalWeight})::numeric, 1)`;
  const band = `case ${SIZE_BANDS.map((b) => `when a.employees between ${b.min} and ${Number.isFinite(b.max) ? b.max : 1_000_000} then '${b.id}'`).join(' ')} end`;
  await db.execute(
    sql.raw(`
    insert into diagnostics (id, application_id, program_id, questionnaire_id, phase, status, answers, completed_at,
      scores, overall, level, naics, size_band, region, created_at, updated_at)
    select gen_random_uuid(), a.id, a.program_id, '${questionnaireId}', 'T0', 'completed', '{}'::jsonb, now(),
      jsonb_build_object('overall', ${overall}, 'dimensions', ${scores}), ${overall}, 'developing',
      a.naics, ${band}, a.region, now(), now()
    from applications a where a.program_id = '${programId}' and a.status = 'accepted'
  `),
  );
  await db.execute(sql.raw('analyze diagnostics, diagnostic_score_counts'));
}

/**
 * A granted consent to `purpose`, on the program's current text, for every application of it, or for
 * one in `every` of them (by creation order).
 */
export async function fillConsents(
  db: Executor,
  programId: string,
  purpose: 'research' | 'newsletter',
  every = 1,
): Promise<void> {
  await db.execute(
    sql.raw(`
    insert into consents (id, application_id, user_id, purpose, granted, consent_text_id, recorded_at)
    select gen_random_uuid(), a.id, null, '${purpose}', true,
      (select id from consent_texts where program_id = '${programId}' and purpose = '${purpose}' order by version desc limit 1),
      coalesce(a.submitted_at, now())
    from (select id, submitted_at, row_number() over (order by id) as i from applications
      where program_id = '${programId}') a
    where a.i % ${Number(every)} = 0
  `),
  );
  await db.execute(sql.raw('analyze consents'));
}

/**
 * Every application of the program gets its retailer's account (their e-mails are part of the cost), one
 * in ten in English: few enough for the two bilingual experts to take them all.
 */
export async function fillApplicants(db: Executor, programId: string) {
  await db.execute(sql`
    with a as (select id, row_number() over (order by id) as i from applications where program_id = ${programId}),
    made as (
      insert into users (id, email, name, role, locale, created_at, updated_at)
      select gen_random_uuid(), 'retailer' || i || '@bench.virage.test', 'Retailer ' || i, 'retailer',
        case when i % 10 = 0 then 'en' else 'fr' end, now(), now()
      from a returning id, (regexp_match(email, '[0-9]+'))[1]::int as i
    )
    update applications set applicant_id = made.id from a join made using (i) where applications.id = a.id`);
}
