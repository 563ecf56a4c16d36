CREATE TABLE "funding_record_version" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "funding_record_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"convention_date" date,
	"ej_number" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "milestone_version" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestone_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"milestone_id" integer NOT NULL,
	"laureate_id" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"reached_on" date,
	"position" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tranche_version" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tranche_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tranche_id" integer NOT NULL,
	"laureate_id" integer NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"planned_amount_cents" bigint NOT NULL,
	"planned_on" date NOT NULL,
	"gating_milestone_id" integer,
	"status" text NOT NULL,
	"service_fait_on" date,
	"payment_requested_on" date,
	"paid_on" date,
	"cancelled_on" date,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "weather_report_version" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "weather_report_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"weather_report_id" integer NOT NULL,
	"laureate_id" integer NOT NULL,
	"period" text NOT NULL,
	"level" text NOT NULL,
	"synthesis" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "funding_record_version_row_idx" ON "funding_record_version" USING btree ("laureate_id","valid_from");--> statement-breakpoint
CREATE INDEX "milestone_version_row_idx" ON "milestone_version" USING btree ("milestone_id","valid_from");--> statement-breakpoint
CREATE INDEX "milestone_version_validity_idx" ON "milestone_version" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "tranche_version_row_idx" ON "tranche_version" USING btree ("tranche_id","valid_from");--> statement-breakpoint
CREATE INDEX "tranche_version_validity_idx" ON "tranche_version" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "weather_report_version_row_idx" ON "weather_report_version" USING btree ("weather_report_id","valid_from");--> statement-breakpoint
CREATE INDEX "weather_report_version_laureate_idx" ON "weather_report_version" USING btree ("laureate_id","period");--> statement-breakpoint
CREATE INDEX "payment_created_idx" ON "payment" USING btree ("created_at");--> statement-breakpoint
-- Every writer of these tables (commands, ledger, import, seeds, reversals) goes through these
-- triggers: each change closes the version in force at now() and opens a new one from now(). Two
-- changes in one transaction share now(): the second replaces the first's version, so no version
-- lasts zero time. A change that touches no versioned column writes no version.
CREATE FUNCTION tranche_version_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.laureate_id, OLD.kind, OLD.position, OLD.planned_amount_cents, OLD.planned_on,
      OLD.gating_milestone_id, OLD.status, OLD.service_fait_on, OLD.payment_requested_on, OLD.paid_on,
      OLD.cancelled_on) IS NOT DISTINCT FROM (NEW.laureate_id, NEW.kind, NEW.position,
      NEW.planned_amount_cents, NEW.planned_on, NEW.gating_milestone_id, NEW.status, NEW.service_fait_on,
      NEW.payment_requested_on, NEW.paid_on, NEW.cancelled_on) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM tranche_version WHERE tranche_id = OLD.id AND valid_to IS NULL AND valid_from = now();
    UPDATE tranche_version SET valid_to = now() WHERE tranche_id = OLD.id AND valid_to IS NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO tranche_version (tranche_id, laureate_id, kind, position, planned_amount_cents, planned_on,
      gating_milestone_id, status, service_fait_on, payment_requested_on, paid_on, cancelled_on, valid_from)
    VALUES (NEW.id, NEW.laureate_id, NEW.kind, NEW.position, NEW.planned_amount_cents, NEW.planned_on,
      NEW.gating_milestone_id, NEW.status, NEW.service_fait_on, NEW.payment_requested_on, NEW.paid_on,
      NEW.cancelled_on, now());
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tranche_version_after_change AFTER INSERT OR UPDATE OR DELETE ON "tranche"
  FOR EACH ROW EXECUTE FUNCTION tranche_version_keep();
--> statement-breakpoint
CREATE FUNCTION milestone_version_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.laureate_id, OLD.title, OLD.due_on, OLD.status, OLD.reached_on, OLD.position)
      IS NOT DISTINCT FROM (NEW.laureate_id, NEW.title, NEW.due_on, NEW.status, NEW.reached_on, NEW.position) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM milestone_version WHERE milestone_id = OLD.id AND valid_to IS NULL AND valid_from = now();
    UPDATE milestone_version SET valid_to = now() WHERE milestone_id = OLD.id AND valid_to IS NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO milestone_version (milestone_id, laureate_id, title, due_on, status, reached_on, position, valid_from)
    VALUES (NEW.id, NEW.laureate_id, NEW.title, NEW.due_on, NEW.status, NEW.reached_on, NEW.position, now());
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER milestone_version_after_change AFTER INSERT OR UPDATE OR DELETE ON "milestone"
  FOR EACH ROW EXECUTE FUNCTION milestone_version_keep();
--> statement-breakpoint
CREATE FUNCTION funding_record_version_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.laureate_id, OLD.convention_date, OLD.ej_number)
      IS NOT DISTINCT FROM (NEW.laureate_id, NEW.convention_date, NEW.ej_number) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM funding_record_version
      WHERE laureate_id = OLD.laureate_id AND valid_to IS NULL AND valid_from = now();
    UPDATE funding_record_version SET valid_to = now() WHERE laureate_id = OLD.laureate_id AND valid_to IS NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO funding_record_version (laureate_id, convention_date, ej_number, valid_from)
    VALUES (NEW.laureate_id, NEW.convention_date, NEW.ej_number, now());
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER funding_record_version_after_change AFTER INSERT OR UPDATE OR DELETE ON "funding_record"
  FOR EACH ROW EXECUTE FUNCTION funding_record_version_keep();
--> statement-breakpoint
CREATE FUNCTION weather_report_version_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.laureate_id, OLD.period, OLD.level, OLD.synthesis)
      IS NOT DISTINCT FROM (NEW.laureate_id, NEW.period, NEW.level, NEW.synthesis) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM weather_report_version
      WHERE weather_report_id = OLD.id AND valid_to IS NULL AND valid_from = now();
    UPDATE weather_report_version SET valid_to = now() WHERE weather_report_id = OLD.id AND valid_to IS NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- A declaration dated in the past by its writer (an import, the demonstration) is known from then.
    INSERT INTO weather_report_version (weather_report_id, laureate_id, period, level, synthesis, valid_from)
    VALUES (NEW.id, NEW.laureate_id, NEW.period, NEW.level, NEW.synthesis,
      CASE WHEN TG_OP = 'INSERT' THEN least(NEW.created_at, now()) ELSE now() END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER weather_report_version_after_change AFTER INSERT OR UPDATE OR DELETE ON "weather_report"
  FOR EACH ROW EXECUTE FUNCTION weather_report_version_keep();
--> statement-breakpoint
-- One version per existing row. Its start: the row's own creation instant where it keeps one
-- (milestones, météo), else '-infinity': nothing older says when the row took its present values,
-- so a past day reads them as the figures always did before this migration.
INSERT INTO tranche_version (tranche_id, laureate_id, kind, position, planned_amount_cents, planned_on,
  gating_milestone_id, status, service_fait_on, payment_requested_on, paid_on, cancelled_on, valid_from)
  SELECT id, laureate_id, kind, position, planned_amount_cents, planned_on, gating_milestone_id, status,
    service_fait_on, payment_requested_on, paid_on, cancelled_on, '-infinity' FROM "tranche";
--> statement-breakpoint
INSERT INTO milestone_version (milestone_id, laureate_id, title, due_on, status, reached_on, position, valid_from)
  SELECT id, laureate_id, title, due_on, status, reached_on, position,
    coalesce((SELECT min(occurred_at) FROM audit_event
      WHERE entity = 'jalon' AND action = 'jalon.creation' AND entity_id = "milestone".id::text), created_at)
  FROM "milestone";
--> statement-breakpoint
INSERT INTO funding_record_version (laureate_id, convention_date, ej_number, valid_from)
  SELECT laureate_id, convention_date, ej_number, '-infinity' FROM "funding_record";
--> statement-breakpoint
INSERT INTO weather_report_version (weather_report_id, laureate_id, period, level, synthesis, valid_from)
  SELECT id, laureate_id, period, level, synthesis, created_at FROM "weather_report";
