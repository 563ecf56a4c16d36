CREATE TABLE "programme" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"steered_by" text NOT NULL,
	"funded_by" text NOT NULL,
	"envelope_cents" bigint NOT NULL,
	"applications_open_on" date NOT NULL,
	"applications_close_on" date NOT NULL,
	"laureates_announced_on" date NOT NULL,
	"status" text NOT NULL,
	"source_title" text NOT NULL,
	"source_published_on" date NOT NULL,
	"source_publisher" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_slug_unique" UNIQUE("slug"),
	CONSTRAINT "programme_envelope_positive" CHECK ("programme"."envelope_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "laureate" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "laureate_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"porteur" text NOT NULL,
	"ministry" text NOT NULL,
	"category" text NOT NULL,
	"territory_scope" text NOT NULL,
	"region_code" text,
	"departement_code" text,
	"place" text,
	"partner_labs" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text NOT NULL,
	"benefits_for_agents" text[] DEFAULT '{}'::text[] NOT NULL,
	"benefits_for_usagers" text[] DEFAULT '{}'::text[] NOT NULL,
	"funding_mode" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "laureate_slug_unique" UNIQUE("slug"),
	CONSTRAINT "laureate_territory_consistent" CHECK (("laureate"."territory_scope" = 'national' and "laureate"."region_code" is null and "laureate"."departement_code" is null)
        or ("laureate"."territory_scope" = 'local' and "laureate"."region_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "allocation" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"laureate_id" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocation_laureate_id_unique" UNIQUE("laureate_id"),
	CONSTRAINT "allocation_amount_non_negative" CHECK ("allocation"."amount_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "laureate" ADD CONSTRAINT "laureate_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_laureate_id_laureate_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."laureate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "laureate_programme_idx" ON "laureate" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "laureate_category_idx" ON "laureate" USING btree ("category");--> statement-breakpoint
CREATE INDEX "laureate_ministry_idx" ON "laureate" USING btree ("ministry");--> statement-breakpoint
CREATE INDEX "laureate_region_idx" ON "laureate" USING btree ("region_code");