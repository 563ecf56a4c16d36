CREATE TABLE "portfolio_review" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portfolio_review_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"as_of" date NOT NULL,
	"title" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"opened_by" integer,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "portfolio_review_title_given" CHECK (length(btrim("portfolio_review"."title")) >= 3)
);
--> statement-breakpoint
ALTER TABLE "portfolio_review" ADD CONSTRAINT "portfolio_review_opened_by_app_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_review_as_of_unique" ON "portfolio_review" USING btree ("as_of");--> statement-breakpoint
-- A review's figures are frozen once opened: the next review compares against
-- what was shown, so the database refuses to rewrite them.
CREATE FUNCTION portfolio_review_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Les chiffres d''une revue sont figés : % refusé.', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER portfolio_review_frozen
  BEFORE UPDATE OF "as_of", "snapshot" ON "portfolio_review"
  FOR EACH ROW EXECUTE FUNCTION portfolio_review_refuse_change();
