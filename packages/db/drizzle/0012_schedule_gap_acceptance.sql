CREATE TABLE "schedule_gap_acceptance" (
	"laureate_id" integer PRIMARY KEY NOT NULL,
	"gap_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" integer,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schedule_gap_acceptance" ADD CONSTRAINT "schedule_gap_acceptance_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_gap_acceptance" ADD CONSTRAINT "schedule_gap_acceptance_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;