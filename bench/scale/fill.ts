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

/**
 * The anonymous pre-checks counted (decision 30) for each Montréal day of the last two years in every
 * region, about `perDay` a day in all, two in three eligible; and each ineligible one's failed
 * criterion, drawn from the program's current criteria.
 */
export async function fillPrechecks(db: Executor, programId: string, perDay: number): Promise<void> {
  const perCell = Math.max(1, Math.round(perDay / 17));
  await db.execute(
    sql.raw(`
    insert into precheck_counts (program_id, day, region, eligible, count)
    select '${programId}', d::date, lpad(r::text, 2, '0'), e, 1 + (hashtext(d::text || r || e) & 2147483647) % ${2 * perCell} / (case when e then 1 else 2 end)
    from generate_series(current_date - 730, current_date, '1 day') as d, generate_series(1, 17) as r, (values (true), (false)) as v(e)
  `),
  );
  await db.execute(
    sql.raw(`
    insert into precheck_failures (program_id, day, region, criterion_id, count)
    select c.program_id, c.day, c.region, k.id, greatest(1, c.count / k.n)
    from precheck_counts c
    cross join lateral (select id, count(*) over () as n from
      (select jsonb_array_elements(criteria)->>'id' as id from criteria_versions
        where program_id = '${programId}' order by version desc limit 1) x) k
    where c.program_id = '${programId}' and not c.eligible
  `),
  );
  await db.execute(sql.raw('analyze precheck_counts, precheck_failures'));
}

/**
 * `expertCount` experts (and their accounts) coaching every accepted application with a T0: each file
 * assigned to one of them, an approved plan of three actions; the files with a T1 closed as completed
 * (their assignment ended by the closure, a closure survey answered, two actions in three done), and one
 * in eight of the others abandoned. So the expert-outcome statement reads the program's whole history.
 */
export async function fillCoaching(db: Executor, programId: string, expertCount: number): Promise<void> {
  await db.execute(
    sql.raw(`
    with made as (
      insert into users (id, email, name, role, locale, created_at, updated_at)
      select gen_random_uuid(), 'expert' || i || '@bench.virage.test', 'Expert ' || i, 'expert', 'fr', now(), now()
      from generate_series(1, ${expertCount}) as i returning id
    )
    insert into experts (id, program_id, user_id, regions, languages, specialties, capacity, status, created_at, updated_at)
    select gen_random_uuid(), '${programId}', id, '[]'::jsonb, '["fr"]'::jsonb, '[]'::jsonb, 1000, 'active', now(), now()
    from made
  `),
  );
  // Which files close (a table of its own, not a temporary one: the pool may run each statement on
  // another connection): those with a T1 as completed, one in eight of the others abandoned.
  const closing = `case when exists (select 1 from diagnostics t1 where t1.application_id = d.application_id and t1.phase = 'T1')
      then 'completed' when (hashtext(d.application_id::text || 'abandon') & 7) = 0 then 'abandoned' end`;
  await db.execute(
    sql.raw(`create unlogged table bench_files as
    select d.application_id, ${closing} as outcome from diagnostics d
    where d.program_id = '${programId}' and d.phase = 'T0' and d.status = 'completed'`),
  );
  await db.execute(sql.raw('analyze bench_files'));
  await db.execute(
    sql.raw(`
    insert into assignments (id, program_id, application_id, expert_id, status, assigned_at, ended_at, end_reason)
    select gen_random_uuid(), '${programId}', d.application_id, e.id,
      case when d.outcome is null then 'active' else 'ended' end, now() - interval '200 days',
      case when d.outcome is not null then now() - interval '10 days' end,
      case when d.outcome is not null then 'closed:' || d.outcome end
    from bench_files d
    join (select id, row_number() over (order by id) - 1 as k from experts where program_id = '${programId}') e
      on e.k = (hashtext(d.application_id::text) & 2147483647) % ${expertCount}
  `),
  );
  await db.execute(
    sql.raw(`
    insert into action_plans (application_id, status, approved_at, created_at, updated_at)
    select application_id, 'approved', now() - interval '150 days', now(), now() from bench_files
  `),
  );
  await db.execute(
    sql.raw(`
    insert into plan_actions (id, application_id, position, objective, status, created_at, updated_at)
    select gen_random_uuid(), d.application_id, p, 'Objectif ' || p,
      case when d.outcome = 'completed' and (hashtext(d.application_id::text || p) & 3) <> 0 then 'done' else 'todo' end,
      now(), now()
    from bench_files d, generate_series(1, 3) as p
  `),
  );
  await db.execute(
    sql.raw(`
    insert into closures (application_id, outcome, closed_at)
    select application_id, outcome, now() - interval '10 days' from bench_files where outcome is not null
  `),
  );
  await db.execute(
    sql.raw(`
    insert into outcome_surveys (id, program_id, application_id, wave, due_at, sent_at, answered_at, answers)
    select gen_random_uuid(), '${programId}', application_id, 'closure', now() - interval '10 days',
      now() - interval '10 days', now() - interval '5 days',
      jsonb_build_object('onlineSalesShare', 20, 'revenueChange', 'increase', 'jobsCreated', 1, 'jobsKept', 3,
        'toolsAdopted', '[]'::jsonb, 'satisfactionExpert', 1 + (hashtext(application_id::text) & 2147483647) % 5,
        'satisfactionProgram', 4)
    from bench_files where outcome = 'completed'
  `),
  );
  await db.execute(sql.raw('drop table bench_files'));
}
