CREATE TABLE "ledger_balances" (
	"envelope_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"from_account" text NOT NULL,
	"to_account" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "ledger_balances_envelope_id_fiscal_year_from_account_to_account_pk" PRIMARY KEY("envelope_id","fiscal_year","from_account","to_account")
);
--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_envelope_id_funding_envelopes_id_fk" FOREIGN KEY ("envelope_id") REFERENCES "public"."funding_envelopes"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The balances follow every append, in its transaction: one grouped upsert per statement, however many entries it inserts.
CREATE FUNCTION ledger_balances_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_balances (envelope_id, fiscal_year, from_account, to_account, amount_cents)
  SELECT envelope_id, fiscal_year, from_account, to_account, sum(amount_cents)
  FROM appended GROUP BY envelope_id, fiscal_year, from_account, to_account
  ON CONFLICT (envelope_id, fiscal_year, from_account, to_account)
  DO UPDATE SET amount_cents = ledger_balances.amount_cents + excluded.amount_cents;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_balances AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION ledger_balances_add();
--> statement-breakpoint
INSERT INTO ledger_balances (envelope_id, fiscal_year, from_account, to_account, amount_cents)
SELECT envelope_id, fiscal_year, from_account, to_account, sum(amount_cents)
FROM ledger_entries GROUP BY envelope_id, fiscal_year, from_account, to_account;
