CREATE TABLE "review_decision_laureate" (
	"decision_id" integer NOT NULL,
	"laureate_id" integer NOT NULL,
	CONSTRAINT "review_decision_laureate_decision_id_laureate_id_pk" PRIMARY KEY("decision_id","laureate_id")
);
--> statement-breakpoint
CREATE TABLE "review_decision_update" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_decision_update_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"decision_id" integer NOT NULL,
	"review_id" integer NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"noted_by" integer,
	"noted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "review_decision_update_status_known" CHECK ("review_decision_update"."status" in ('en_cours', 'faite', 'abandonnee'))
);
--> statement-breakpoint
CREATE TABLE "review_decision" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_decision_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"review_id" integer NOT NULL,
	"text" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'en_cours' NOT NULL,
	"status_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "review_decision_status_known" CHECK ("review_decision"."status" in ('en_cours', 'faite', 'abandonnee')),
	CONSTRAINT "review_decision_text_given" CHECK (length(btrim("review_decision"."text")) >= 5),
	CONSTRAINT "review_decision_owner_given" CHECK (length(btrim("review_decision"."owner")) >= 2)
);
--> statement-breakpoint
ALTER TABLE "review_decision_laureate" ADD CONSTRAINT "review_decision_laureate_decision_id_review_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."review_decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision_laureate" ADD CONSTRAINT "review_decision_laureate_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision_update" ADD CONSTRAINT "review_decision_update_decision_id_review_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."review_decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision_update" ADD CONSTRAINT "review_decision_update_review_id_portfolio_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."portfolio_review"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision_update" ADD CONSTRAINT "review_decision_update_noted_by_app_user_id_fk" FOREIGN KEY ("noted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_review_id_portfolio_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."portfolio_review"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_decision_laureate_idx" ON "review_decision_laureate" USING btree ("laureate_id");--> statement-breakpoint
CREATE INDEX "review_decision_update_decision_idx" ON "review_decision_update" USING btree ("decision_id","review_id");--> statement-breakpoint
CREATE INDEX "review_decision_review_idx" ON "review_decision" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_decision_due_idx" ON "review_decision" USING btree ("status","due_on");