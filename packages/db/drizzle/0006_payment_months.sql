CREATE TABLE "payment_month" (
	"month" date PRIMARY KEY NOT NULL,
	"paid_cents" bigint NOT NULL
);
--> statement-breakpoint
-- Kept by the database for every statement that writes payments (the ledger, the import, the seeds):
-- one aggregated upsert per statement and per month, from the statement's transition tables.
CREATE FUNCTION payment_month_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO payment_month (month, paid_cents)
      SELECT date_trunc('month', paid_on)::date, -sum(amount_cents) FROM old_payments GROUP BY 1
    ON CONFLICT (month) DO UPDATE SET paid_cents = payment_month.paid_cents + excluded.paid_cents;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO payment_month (month, paid_cents)
      SELECT date_trunc('month', paid_on)::date, sum(amount_cents) FROM new_payments GROUP BY 1
    ON CONFLICT (month) DO UPDATE SET paid_cents = payment_month.paid_cents + excluded.paid_cents;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payment_month_after_insert AFTER INSERT ON "payment"
  REFERENCING NEW TABLE AS new_payments
  FOR EACH STATEMENT EXECUTE FUNCTION payment_month_apply();
--> statement-breakpoint
CREATE TRIGGER payment_month_after_update AFTER UPDATE ON "payment"
  REFERENCING OLD TABLE AS old_payments NEW TABLE AS new_payments
  FOR EACH STATEMENT EXECUTE FUNCTION payment_month_apply();
--> statement-breakpoint
CREATE TRIGGER payment_month_after_delete AFTER DELETE ON "payment"
  REFERENCING OLD TABLE AS old_payments
  FOR EACH STATEMENT EXECUTE FUNCTION payment_month_apply();
--> statement-breakpoint
INSERT INTO payment_month (month, paid_cents)
  SELECT date_trunc('month', paid_on)::date, sum(amount_cents) FROM "payment" GROUP BY 1;
