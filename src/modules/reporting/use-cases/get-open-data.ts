import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { openDataCounts } from '../../intake/index.ts';
import { selectProgram } from '../../programs/index.ts';
import { disclosureRulesOf } from '../db/disclosure-settings.ts';
import { DISCLOSURE_RULES_VERSION } from '../domain/disclosure.ts';
import {
  BAND_LOWER_BOUNDS,
  OPEN_DATA_BREAKDOWNS,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_STATUSES,
  openDataRecords,
} from '../domain/open-data.ts';

const COLUMN_TYPES: Record<(typeof OPEN_DATA_COLUMNS)[number], string> = {
  program: 'string',
  period_start: 'date',
  period_end: 'date',
  breakdown: 'string',
  category_code: 'string',
  category_label_fr: 'string',
  category_label_en: 'string',
  businesses: 'integer',
  suppression: 'string',
  rules_version: 'string',
};

/**
 * A program's open data, public: its aggregates after disclosure control, the data dictionary and
 * the metadata, computed from the applications as they are now (the period ends today).
 */
export async function getOpenData(ctx: Ctx, slug: string) {
  authorize(ctx.actor, 'open_data.read');
  const program = await selectProgram(ctx, slug);
  const fr = translatorFor(ctx.services.i18n, 'fr');
  const en = translatorFor(ctx.services.i18n, 'en');
  const both = (key: string) => ({ fr: fr(key), en: en(key) });
  const periodStart = formatDate(program.intakeOpensAt ?? program.createdAt);
  const periodEnd = formatDate(ctx.now());
  const { minCount, dominance } = await disclosureRulesOf(ctx.db, program.id);
  const rules = { minCount, dominance };
  const records = openDataRecords(
    await openDataCounts(ctx.db, program.id, BAND_LOWER_BOUNDS),
    {
      program: program.slug,
      periodStart,
      periodEnd,
      labels: {
        notGiven: both('reporting:open_data.not_given'),
        total: both('reporting:open_data.total'),
        statuses: Object.fromEntries(
          OPEN_DATA_STATUSES.map((s) => [s, both(`reporting:open_data.statuses.${s}`)]),
        ) as Record<(typeof OPEN_DATA_STATUSES)[number], { fr: string; en: string }>,
      },
    },
    rules,
  );
  const dictionary = OPEN_DATA_COLUMNS.map((column) => ({
    column,
    type: COLUMN_TYPES[column],
    label_fr: fr(`reporting:open_data.columns.${column}.label`),
    label_en: en(`reporting:open_data.columns.${column}.label`),
    description_fr: fr(`reporting:open_data.columns.${column}.description`, {
      minCount: minCount,
    }),
    description_en: en(`reporting:open_data.columns.${column}.description`, {
      minCount: minCount,
    }),
    unit: column === 'businesses' ? 'businesses' : '',
    allowed_values:
      column === 'breakdown'
        ? OPEN_DATA_BREAKDOWNS.join('; ')
        : column === 'suppression'
          ? 'small_count; complementary'
          : '',
    obligation: column === 'businesses' || column === 'suppression' ? 'optional' : 'required',
  }));
  const name = { fr: program.nameFr, en: program.nameEn };
  const metadata = {
    identifier: `virage-${program.slug}-aggregates`,
    title: {
      fr: fr('reporting:open_data.title', { program: name.fr }),
      en: en('reporting:open_data.title', { program: name.en }),
    },
    description: { fr: fr('reporting:open_data.description'), en: en('reporting:open_data.description') },
    publisher: name,
    license: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    temporal: { start: periodStart, end: periodEnd },
    spatial: 'Québec',
    accrualPeriodicity: 'daily',
    modified: periodEnd,
    language: ['fr', 'en'],
    disclosureRules: { version: DISCLOSURE_RULES_VERSION, minCount: minCount },
    encoding: 'UTF-8 (BOM), RFC 4180, comma',
    distributions: [
      {
        title: 'aggregates.csv',
        mediaType: 'text/csv',
        accessPath: `/open-data/${program.slug}/aggregates.csv`,
      },
      {
        title: 'dictionary.csv',
        mediaType: 'text/csv',
        accessPath: `/open-data/${program.slug}/dictionary.csv`,
      },
      {
        title: 'metadata.json',
        mediaType: 'application/json',
        accessPath: `/open-data/${program.slug}/metadata.json`,
      },
    ],
  };
  return { program: { slug: program.slug, name: name[ctx.locale] }, records, dictionary, metadata };
}
