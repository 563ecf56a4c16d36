-- Every stored value in French, as the rest of the vocabulary: roles, scope kinds,
-- the reallocation movement, the contract asset, the sponsor's digest; and the
-- audit payloads' keys in one style (French camelCase, no accent).
ALTER TABLE "user_scope" DROP CONSTRAINT "user_scope_kind_known";--> statement-breakpoint
ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_known";--> statement-breakpoint
CREATE FUNCTION defis_french_role(role text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE role
    WHEN 'admin' THEN 'administrateur'
    WHEN 'officer' THEN 'charge_mission'
    WHEN 'leadership' THEN 'direction'
    ELSE role
  END
$$;
--> statement-breakpoint
UPDATE "app_user" SET "role" = defis_french_role("role");--> statement-breakpoint
UPDATE "user_scope" SET "kind" = CASE "kind" WHEN 'laureate' THEN 'laureat' WHEN 'ministry' THEN 'ministere' ELSE "kind" END;--> statement-breakpoint
UPDATE "allocation_movement" SET "kind" = 'reaffectation' WHERE "kind" = 'reallocation';--> statement-breakpoint
UPDATE "reusable_asset" SET "kind" = 'contrat' WHERE "kind" = 'contract';--> statement-breakpoint
UPDATE "mail_outbox" SET "kind" = 'rappel_sponsor' WHERE "kind" = 'digest_sponsor';--> statement-breakpoint
ALTER TABLE "user_scope" ADD CONSTRAINT "user_scope_kind_known" CHECK ("user_scope"."kind" in ('laureat', 'ministere', 'porteur'));--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_known" CHECK ("app_user"."role" in ('administrateur', 'charge_mission', 'sponsor', 'direction'));--> statement-breakpoint
-- Renames the keys of a payload at every depth (the guided update nests the
-- météo and the milestones, the schedule its tranches); values stay as they are.
CREATE FUNCTION defis_rename_keys(payload jsonb, renames jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE jsonb_typeof(payload)
    WHEN 'object' THEN coalesce(
      (SELECT jsonb_object_agg(coalesce(renames ->> entry.key, entry.key), defis_rename_keys(entry.value, renames))
         FROM jsonb_each(payload) AS entry),
      '{}'::jsonb)
    WHEN 'array' THEN coalesce(
      (SELECT jsonb_agg(defis_rename_keys(element.value, renames) ORDER BY element.position)
         FROM jsonb_array_elements(payload) WITH ORDINALITY AS element(value, position)),
      '[]'::jsonb)
    ELSE payload
  END;
END;
$$;
--> statement-breakpoint
-- The audit trail is append-only (migration 0002): its guard is lifted for this
-- rewrite alone, within the migration's transaction.
ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_no_update_or_delete";--> statement-breakpoint
UPDATE "audit_event" SET "actor_role" = defis_french_role("actor_role") WHERE "actor_role" IS NOT NULL;--> statement-breakpoint
UPDATE "audit_event" SET
  "before" = CASE WHEN "before" ? 'role' THEN jsonb_set("before", '{role}', to_jsonb(defis_french_role("before" ->> 'role'))) ELSE "before" END,
  "after" = CASE WHEN "after" ? 'role' THEN jsonb_set("after", '{role}', to_jsonb(defis_french_role("after" ->> 'role'))) ELSE "after" END
WHERE "entity" = 'utilisateur';--> statement-breakpoint
UPDATE "audit_event" SET
  "before" = CASE WHEN "before" ->> 'type' = 'contract' THEN jsonb_set("before", '{type}', '"contrat"') ELSE "before" END,
  "after" = CASE WHEN "after" ->> 'type' = 'contract' THEN jsonb_set("after", '{type}', '"contrat"') ELSE "after" END
WHERE "entity" = 'ressource';--> statement-breakpoint
UPDATE "audit_event" SET
  "before" = defis_rename_keys("before", renames.map),
  "after" = defis_rename_keys("after", renames.map)
FROM (SELECT '{
  "météo": "meteo", "période": "periode", "synthèse": "synthese",
  "conventionDate": "dateConvention", "ejNumber": "numeroEj", "paymentConditions": "conditionsVersement",
  "kind": "type", "plannedAmountCents": "montantCentimes", "plannedOn": "datePrevue",
  "title": "titre", "dueOn": "echeance", "status": "statut", "reachedOn": "atteintLe",
  "evidenceNote": "preuve", "evidenceUrl": "lienPreuve",
  "ministry": "ministere", "fundingMode": "modeFinancement", "partnerLabs": "laboratoiresPartenaires",
  "asOf": "arreteAu"
}'::jsonb AS map) AS renames
WHERE "entity" IN ('meteo', 'suivi', 'financement', 'echeancier', 'jalon', 'laureat', 'revue');--> statement-breakpoint
ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_no_update_or_delete";--> statement-breakpoint
DROP FUNCTION defis_rename_keys(jsonb, jsonb);--> statement-breakpoint
DROP FUNCTION defis_french_role(text);
