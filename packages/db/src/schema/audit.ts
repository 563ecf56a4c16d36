import { keysOf, SYSTEM_AUTHORS } from "@defis/domain";
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { userReference } from "./accounts.js";
import { writtenAt } from "./columns.js";
import { isOneOf } from "./vocabulary.js";

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
    /** The part of the application that wrote an event no person wrote (import, reminders, demonstration…). */
    systemAuthor: text("system_author", { enum: keysOf(SYSTEM_AUTHORS) }),
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
    check("audit_event_system_author_known", isOneOf(table.systemAuthor, keysOf(SYSTEM_AUTHORS))),
    // The journal names every author: a person, or the part of the application that acted.
    check(
      "audit_event_author_named",
      sql`${table.actorUserId} is not null or ${table.systemAuthor} is not null`,
    ),
  ],
);
