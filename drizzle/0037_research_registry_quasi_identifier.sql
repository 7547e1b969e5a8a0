-- Decision 44: the registry's facts became a quasi-identifier (research rules virage-research-2).
-- Extracts asked before it read as asking for them, which they never held.
UPDATE "research_extracts" SET "generalisation" = "generalisation" || '{"registry":"released"}'::jsonb WHERE NOT ("generalisation" ? 'registry');--> statement-breakpoint
UPDATE "research_extracts" SET "suggested_generalisation" = "suggested_generalisation" || '{"registry":"released"}'::jsonb WHERE "suggested_generalisation" IS NOT NULL AND NOT ("suggested_generalisation" ? 'registry');
