ALTER TABLE "programme" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "consumption_deadline_on" date;--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "calendar_is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;