-- Trigram indexes let the review queue search names anywhere in the text, fast, at 300,000 applications.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
