-- An event no person wrote names the part of the application that did, so the
-- journal never shows a blank author. Existing events without a person get
-- theirs from what they record: the weekly reminders, the demonstration's
-- reviews, an import; anything else is the application's own work.
ALTER TABLE "audit_event" ADD COLUMN "system_author" text;--> statement-breakpoint
-- The audit trail is append-only (migration 0002): its guard is lifted for this
-- fill alone, within the migration's transaction; only the new column is written.
ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_no_update_or_delete";--> statement-breakpoint
UPDATE "audit_event" SET "system_author" = CASE
    WHEN "action" = 'rappels.envoi' THEN 'rappels'
    WHEN "action" = 'revue.ouverture' THEN 'demonstration'
    WHEN "action" LIKE 'import.%' THEN 'import'
    ELSE 'systeme'
  END
WHERE "actor_user_id" IS NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_no_update_or_delete";--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_system_author_known" CHECK ("audit_event"."system_author" in ('import', 'rappels', 'demonstration', 'migration', 'systeme'));--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_author_named" CHECK ("audit_event"."actor_user_id" is not null or "audit_event"."system_author" is not null);
