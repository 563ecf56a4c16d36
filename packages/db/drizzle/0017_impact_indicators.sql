CREATE TABLE "indicator_measure_version" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_measure_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"measure_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"laureate_id" integer NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(16, 2) NOT NULL,
	"source" text NOT NULL,
	"comment" text NOT NULL,
	"written_by" integer,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "common_indicator" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "common_indicator_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_label" text DEFAULT '' NOT NULL,
	"aggregation" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "common_indicator_name_unique" UNIQUE("name"),
	CONSTRAINT "common_indicator_name_given" CHECK (length(btrim("common_indicator"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "indicator_measure" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_measure_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"laureate_id" integer NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(16, 2) NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"imported_from" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_yearly_target" (
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(16, 2) NOT NULL,
	CONSTRAINT "indicator_yearly_target_indicator_id_year_pk" PRIMARY KEY("indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_label" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"direction" text NOT NULL,
	"baseline_value" numeric(16, 2) NOT NULL,
	"baseline_on" date NOT NULL,
	"target_value" numeric(16, 2) NOT NULL,
	"target_on" date NOT NULL,
	"periodicity" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"common_indicator_id" integer,
	"weight" numeric(16, 2) DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"proposed_by" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"refusal_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "indicator_name_given" CHECK (length(btrim("indicator"."name")) > 0),
	CONSTRAINT "indicator_target_after_baseline" CHECK ("indicator"."target_on" > "indicator"."baseline_on"),
	CONSTRAINT "indicator_weight_positive" CHECK ("indicator"."weight" > 0),
	CONSTRAINT "indicator_target_in_direction" CHECK (("indicator"."direction" = 'hausse' and "indicator"."target_value" > "indicator"."baseline_value")
        or ("indicator"."direction" = 'baisse' and "indicator"."target_value" < "indicator"."baseline_value")),
	CONSTRAINT "indicator_refusal_reasoned" CHECK (("indicator"."status" = 'refuse') = ("indicator"."refusal_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "import_job" ADD COLUMN "kind" text DEFAULT 'paiements' NOT NULL;--> statement-breakpoint
ALTER TABLE "common_indicator" ADD CONSTRAINT "common_indicator_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure" ADD CONSTRAINT "indicator_measure_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure" ADD CONSTRAINT "indicator_measure_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure" ADD CONSTRAINT "indicator_measure_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure" ADD CONSTRAINT "indicator_measure_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_yearly_target" ADD CONSTRAINT "indicator_yearly_target_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_common_indicator_id_common_indicator_id_fk" FOREIGN KEY ("common_indicator_id") REFERENCES "public"."common_indicator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_proposed_by_app_user_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_measure_version_row_idx" ON "indicator_measure_version" USING btree ("measure_id","valid_from");--> statement-breakpoint
CREATE INDEX "indicator_measure_version_indicator_idx" ON "indicator_measure_version" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_measure_day_unique" ON "indicator_measure" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "indicator_measure_laureate_idx" ON "indicator_measure" USING btree ("laureate_id","measured_on");--> statement-breakpoint
CREATE INDEX "indicator_laureate_idx" ON "indicator" USING btree ("laureate_id","status");--> statement-breakpoint
CREATE INDEX "indicator_common_idx" ON "indicator" USING btree ("common_indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_name_unique" ON "indicator" USING btree ("laureate_id","name");--> statement-breakpoint
CREATE FUNCTION indicator_measure_version_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.indicator_id, OLD.measured_on, OLD.value, OLD.source, OLD.comment)
      IS NOT DISTINCT FROM (NEW.indicator_id, NEW.measured_on, NEW.value, NEW.source, NEW.comment) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM indicator_measure_version
      WHERE measure_id = OLD.id AND valid_to IS NULL AND valid_from = now();
    UPDATE indicator_measure_version SET valid_to = now() WHERE measure_id = OLD.id AND valid_to IS NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- A measure dated in the past by its writer (an import, the demonstration) is known from then.
    INSERT INTO indicator_measure_version (measure_id, indicator_id, laureate_id, measured_on, value, source,
      comment, written_by, valid_from)
    VALUES (NEW.id, NEW.indicator_id, NEW.laureate_id, NEW.measured_on, NEW.value, NEW.source, NEW.comment,
      coalesce(NEW.updated_by, NEW.created_by),
      CASE WHEN TG_OP = 'INSERT' THEN least(NEW.created_at, now()) ELSE now() END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER indicator_measure_version_after_change AFTER INSERT OR UPDATE OR DELETE ON "indicator_measure"
  FOR EACH ROW EXECUTE FUNCTION indicator_measure_version_keep();
