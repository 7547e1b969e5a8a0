import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../../platform/db/columns.ts';

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    targetRetailers: integer('target_retailers').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('programs_slug_key').on(t.slug)],
);
