CREATE TABLE "adoption" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "adoption_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"organisation" text NOT NULL,
	"region_code" text NOT NULL,
	"departement_code" text,
	"stage" text DEFAULT 'identifiee' NOT NULL,
	"identified_on" date NOT NULL,
	"contacted_on" date,
	"pilot_on" date,
	"deployed_on" date,
	"abandoned_on" date,
	"abandon_reason" text,
	"contact" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adoption_stage_dates" CHECK (("adoption"."stage" <> 'contactee' or "adoption"."contacted_on" is not null)
        and ("adoption"."stage" <> 'pilote' or ("adoption"."contacted_on" is not null and "adoption"."pilot_on" is not null))
        and ("adoption"."stage" <> 'deployee' or ("adoption"."contacted_on" is not null and "adoption"."pilot_on" is not null and "adoption"."deployed_on" is not null))
        and ("adoption"."stage" <> 'abandonnee' or ("adoption"."abandoned_on" is not null and "adoption"."abandon_reason" is not null))
        and ("adoption"."contacted_on" is null or "adoption"."contacted_on" >= "adoption"."identified_on")
        and ("adoption"."pilot_on" is null or "adoption"."pilot_on" >= "adoption"."contacted_on")
        and ("adoption"."deployed_on" is null or "adoption"."deployed_on" >= "adoption"."pilot_on"))
);
--> statement-breakpoint
CREATE TABLE "laureate_closure" (
	"laureate_id" integer PRIMARY KEY NOT NULL,
	"closed_on" date NOT NULL,
	"lessons_learned" text NOT NULL,
	"closed_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "laureate_closure_lessons_length" CHECK (char_length("laureate_closure"."lessons_learned") >= 50)
);
--> statement-breakpoint
CREATE TABLE "replication_scorecard" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "replication_scorecard_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"maturity_score" smallint NOT NULL,
	"maturity_justification" text NOT NULL,
	"evidence_score" smallint NOT NULL,
	"evidence_justification" text NOT NULL,
	"transferability_score" smallint NOT NULL,
	"transferability_justification" text NOT NULL,
	"cost_score" smallint NOT NULL,
	"cost_justification" text NOT NULL,
	"prerequisites_score" smallint NOT NULL,
	"prerequisites_justification" text NOT NULL,
	"openness_score" smallint NOT NULL,
	"openness_justification" text NOT NULL,
	"potential_index" smallint NOT NULL,
	"sponsor_name" text NOT NULL,
	"scored_by" integer,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "replication_scorecard_scores_range" CHECK ("replication_scorecard"."maturity_score" between 0 and 4 and "replication_scorecard"."evidence_score" between 0 and 4
        and "replication_scorecard"."transferability_score" between 0 and 4 and "replication_scorecard"."cost_score" between 0 and 4
        and "replication_scorecard"."prerequisites_score" between 0 and 4 and "replication_scorecard"."openness_score" between 0 and 4),
	CONSTRAINT "replication_scorecard_index_range" CHECK ("replication_scorecard"."potential_index" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "reusable_asset" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reusable_asset_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"url" text,
	"contact_email" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reusable_asset_link_or_contact" CHECK (("reusable_asset"."kind" = 'contact' and "reusable_asset"."contact_email" is not null)
        or ("reusable_asset"."kind" <> 'contact' and "reusable_asset"."url" is not null))
);
--> statement-breakpoint
ALTER TABLE "adoption" ADD CONSTRAINT "adoption_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laureate_closure" ADD CONSTRAINT "laureate_closure_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laureate_closure" ADD CONSTRAINT "laureate_closure_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_scorecard" ADD CONSTRAINT "replication_scorecard_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_scorecard" ADD CONSTRAINT "replication_scorecard_scored_by_app_user_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reusable_asset" ADD CONSTRAINT "reusable_asset_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adoption_laureate_idx" ON "adoption" USING btree ("laureate_id");--> statement-breakpoint
CREATE INDEX "adoption_region_idx" ON "adoption" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "adoption_stage_idx" ON "adoption" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "replication_scorecard_laureate_idx" ON "replication_scorecard" USING btree ("laureate_id","scored_at");--> statement-breakpoint
CREATE INDEX "reusable_asset_laureate_idx" ON "reusable_asset" USING btree ("laureate_id");