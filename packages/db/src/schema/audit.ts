import { bigint, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { userReference } from "./accounts.js";
import { writtenAt } from "./columns.js";

/**
 * Who changed what, when, from which value to which. Append-only: a trigger
 * (migration 0002) rejects UPDATE, DELETE and TRUNCATE.
 */
export const auditEvents = pgTable(
  "audit_event",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: writtenAt("occurred_at"),
    actorUserId: userReference("actor_user_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** The laureate the change concerns, for its "Historique" tab. */
    laureateId: integer("laureate_id"),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
  },
  (table) => [
    index("audit_event_occurred_idx").on(table.occurredAt),
    index("audit_event_actor_idx").on(table.actorUserId, table.occurredAt),
    index("audit_event_entity_idx").on(table.entity, table.entityId),
    index("audit_event_laureate_idx").on(table.laureateId, table.occurredAt),
  ],
);
