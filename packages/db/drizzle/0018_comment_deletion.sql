ALTER TABLE "progress_comment" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "progress_comment" ADD COLUMN "deleted_by" integer;--> statement-breakpoint
ALTER TABLE "progress_comment" ADD CONSTRAINT "progress_comment_deleted_by_app_user_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;