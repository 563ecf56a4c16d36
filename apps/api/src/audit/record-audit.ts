import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  entityOf,
  partsRefreshedBy,
  type AuditAction,
  type AuditPayload,
  type Role,
  type SystemAuthor,
} from "@defis/domain";
import { touchFreshness } from "./freshness.js";

const { auditEvents } = schema;

/**
 * Who makes a change: a signed-in person, or a part of the application
 * (scheduled reminders, demonstration, import…) that the journal names.
 */
export type Actor =
  | { userId: number; role: Role | null; requestId: string | null; systemAuthor?: undefined }
  | { userId: null; role: null; requestId: string | null; systemAuthor: SystemAuthor };

/** The actor of what the application does by itself, named in the journal. */
export function systemActor(systemAuthor: SystemAuthor): Actor {
  return { userId: null, role: null, requestId: null, systemAuthor };
}

interface ChangeOf<Action extends AuditAction> {
  /** A verb-like code: "utilisateur.creation", "laureat.modification"…; it names the entity it concerns. */
  action: Action;
  entityId: string | number;
  laureateId?: number | null;
  /** Other laureates the change concerns (the receiving side of a reallocation, an import's rows). */
  alsoConcerns?: readonly number[];
  /** Only the keys `AUDIT_FIELDS` lists for the action: each one has its French label and format. */
  before?: AuditPayload<Action> | null;
  after?: AuditPayload<Action> | null;
}

export type AuditChange = { [Action in AuditAction]: ChangeOf<Action> }[AuditAction];

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Keeps only the fields whose value changed, on both sides. */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !sameValue(before[key], after[key]),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

/**
 * Writes one audit event, and marks the follow-up part the change belongs to
 * as fresh. Call it inside the transaction of the change it describes: all
 * are kept, or none.
 */
export async function recordAudit(db: Executor, actor: Actor, change: AuditChange): Promise<void> {
  const { before, after } = changedFields(change.before, change.after);
  const entity = entityOf(change.action);
  await db.insert(auditEvents).values({
    actorUserId: actor.userId,
    actorRole: actor.role,
    systemAuthor: actor.systemAuthor ?? null,
    action: change.action,
    entity,
    entityId: String(change.entityId),
    laureateId: change.laureateId ?? null,
    before,
    after,
    requestId: actor.requestId,
  });
  const concerned = [...(change.laureateId ? [change.laureateId] : []), ...(change.alsoConcerns ?? [])];
  await touchFreshness(db, concerned, partsRefreshedBy(entity), actor.userId);
}
