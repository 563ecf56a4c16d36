CREATE TABLE "allocation_movement" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_movement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"laureate_id" integer NOT NULL,
	"counterpart_laureate_id" integer,
	"kind" text NOT NULL,
	"delta_cents" bigint NOT NULL,
	"amount_after_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" integer,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "allocation_movement_after_non_negative" CHECK ("allocation_movement"."amount_after_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_record" (
	"laureate_id" integer PRIMARY KEY NOT NULL,
	"convention_date" date,
	"ej_number" text,
	"siret" text,
	"rna" text,
	"payment_conditions" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_record_ej_format" CHECK ("funding_record"."ej_number" is null or "funding_record"."ej_number" ~ '^[0-9]{10}$'),
	CONSTRAINT "funding_record_siret_format" CHECK ("funding_record"."siret" is null or "funding_record"."siret" ~ '^[0-9]{14}$'),
	CONSTRAINT "funding_record_rna_format" CHECK ("funding_record"."rna" is null or "funding_record"."rna" ~ '^W[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"key" text PRIMARY KEY NOT NULL,
	"procedure" text NOT NULL,
	"user_id" integer,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"tranche_id" integer,
	"amount_cents" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text,
	"reverses_payment_id" integer,
	"reason" text,
	"source" text DEFAULT 'saisie' NOT NULL,
	"actor_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "payment_sign_matches_kind" CHECK (("payment"."reverses_payment_id" is null and "payment"."amount_cents" > 0)
        or ("payment"."reverses_payment_id" is not null and "payment"."amount_cents" < 0 and "payment"."reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "tranche" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tranche_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"planned_amount_cents" bigint NOT NULL,
	"planned_on" date NOT NULL,
	"gating_milestone_id" integer,
	"status" text DEFAULT 'prevu' NOT NULL,
	"service_fait_on" date,
	"service_fait_by" integer,
	"payment_requested_on" date,
	"payment_requested_by" integer,
	"payment_request_reference" text,
	"paid_on" date,
	"paid_by" integer,
	"cancelled_on" date,
	"cancelled_by" integer,
	"cancellation_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "tranche_amount_positive" CHECK ("tranche"."planned_amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "allocated_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing allocations become their own original amount, and the reserve is computed from them.
ALTER TABLE "allocation" ADD COLUMN "original_amount_cents" bigint;--> statement-breakpoint
UPDATE "allocation" SET "original_amount_cents" = "amount_cents";--> statement-breakpoint
ALTER TABLE "allocation" ALTER COLUMN "original_amount_cents" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "allocation" ADD COLUMN "paid_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "allocation" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "allocation_movement" ADD CONSTRAINT "allocation_movement_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_movement" ADD CONSTRAINT "allocation_movement_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_movement" ADD CONSTRAINT "allocation_movement_counterpart_laureate_id_laureate_id_fk" FOREIGN KEY ("counterpart_laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_movement" ADD CONSTRAINT "allocation_movement_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_record" ADD CONSTRAINT "funding_record_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_tranche_id_tranche_id_fk" FOREIGN KEY ("tranche_id") REFERENCES "public"."tranche"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranche" ADD CONSTRAINT "tranche_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranche" ADD CONSTRAINT "tranche_service_fait_by_app_user_id_fk" FOREIGN KEY ("service_fait_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranche" ADD CONSTRAINT "tranche_payment_requested_by_app_user_id_fk" FOREIGN KEY ("payment_requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranche" ADD CONSTRAINT "tranche_paid_by_app_user_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranche" ADD CONSTRAINT "tranche_cancelled_by_app_user_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_movement_laureate_idx" ON "allocation_movement" USING btree ("laureate_id","occurred_at");--> statement-breakpoint
CREATE INDEX "allocation_movement_programme_idx" ON "allocation_movement" USING btree ("programme_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_record_ej_unique" ON "funding_record" USING btree ("ej_number");--> statement-breakpoint
CREATE INDEX "payment_laureate_idx" ON "payment" USING btree ("laureate_id","paid_on");--> statement-breakpoint
CREATE INDEX "payment_paid_on_idx" ON "payment" USING btree ("paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_reversal_unique" ON "payment" USING btree ("reverses_payment_id");--> statement-breakpoint
CREATE INDEX "tranche_laureate_idx" ON "tranche" USING btree ("laureate_id","position");--> statement-breakpoint
CREATE INDEX "tranche_planned_idx" ON "tranche" USING btree ("planned_on");--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_allocated_within_envelope" CHECK ("programme"."allocated_cents" >= 0 and "programme"."allocated_cents" <= "programme"."envelope_cents");--> statement-breakpoint
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_paid_within_amount" CHECK ("allocation"."paid_cents" >= 0 and "allocation"."paid_cents" <= "allocation"."amount_cents");--> statement-breakpoint
UPDATE "programme" SET "allocated_cents" = (
  SELECT coalesce(sum(a."amount_cents"), 0) FROM "allocation" a
  JOIN "laureate" l ON l."id" = a."laureate_id" WHERE l."programme_id" = "programme"."id"
);--> statement-breakpoint
-- The ledger starts with one attribution per allocation that existed before it.
INSERT INTO "allocation_movement" ("programme_id", "laureate_id", "kind", "delta_cents", "amount_after_cents", "reason", "is_demo")
SELECT l."programme_id", a."laureate_id", 'attribution', a."amount_cents", a."amount_cents", 'Reprise de l''allocation existante', a."is_demo"
FROM "allocation" a JOIN "laureate" l ON l."id" = a."laureate_id";
