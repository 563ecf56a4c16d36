CREATE TABLE "import_job" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_job_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mode" text NOT NULL,
	"status" text DEFAULT 'en_attente' NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"requested_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"message" text,
	"report" jsonb,
	CONSTRAINT "import_job_counts_positive" CHECK ("import_job"."rows_read" >= 0 and "import_job"."matched" >= 0 and "import_job"."refused" >= 0 and "import_job"."duplicates" >= 0)
);
--> statement-breakpoint
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_job_created_idx" ON "import_job" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "import_job_one_active" ON "import_job" USING btree ((true)) WHERE "import_job"."status" in ('en_attente', 'en_cours');